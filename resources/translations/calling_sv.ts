<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <source>In an &amp;hour</source>
        <translation>Om en &amp;timme</translation>
    </message>
    <message>
        <source>&amp;Tomorrow evening (18:00)</source>
        <translation>I&amp;morgon kväll (18.00)</translation>
    </message>
    <message>
        <source>&amp;Pick a time:</source>
        <translation>&amp;Välj en tid:</translation>
    </message>
    <message>
        <source>Time to call back</source>
        <translation>Tid att ringa tillbaka</translation>
    </message>
    <message>
        <source>When should we call back?</source>
        <translation>När ska vi ringa tillbaka?</translation>
    </message>
    <message>
        <source>They said: %1</source>
        <translation>Personen sa: %1</translation>
    </message>
</context>
<context>
    <name>CallingScreen</name>
    <message>
        <source>all groups</source>
        <translation>alla grupper</translation>
    </message>
    <message>
        <source>calling: %1</source>
        <translation>ringer: %1</translation>
    </message>
    <message>
        <source>Practice campaign: made-up people, nobody is really called. Try everything!</source>
        <translation>Övningskampanj: påhittade personer, ingen blir uppringd på riktigt. Testa allt!</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>H&amp;oppa över</translation>
    </message>
    <message>
        <source>Skip this person</source>
        <translation>Hoppa över den här personen</translation>
    </message>
    <message>
        <source>&amp;Undo last call</source>
        <translation>&amp;Ångra senaste samtalet</translation>
    </message>
    <message>
        <source>Undo the last saved call</source>
        <translation>Ångra det senast sparade samtalet</translation>
    </message>
    <message>
        <source>&amp;End the evening</source>
        <translation>A&amp;vsluta kvällen</translation>
    </message>
    <message>
        <source>End the evening</source>
        <translation>Avsluta kvällen</translation>
    </message>
    <message>
        <source>Save an&amp;d show next</source>
        <translation>&amp;Spara och visa nästa</translation>
    </message>
    <message>
        <source>Save the call and show the next person</source>
        <translation>Spara samtalet och visa nästa person</translation>
    </message>
    <message>
        <source>If you talked</source>
        <translation>Om ni pratade</translation>
    </message>
    <message>
        <source>Follow-up: what was prom&amp;ised</source>
        <translation>Uppfö&amp;ljning: vad som lovades</translation>
    </message>
    <message>
        <source>Follow-up: what was promised</source>
        <translation>Uppföljning: vad som lovades</translation>
    </message>
    <message>
        <source>e.g. send the invitation by email</source>
        <translation>t.ex. skicka inbjudan via mejl</translation>
    </message>
    <message>
        <source>&amp;Who follows up</source>
        <translation>Vem f&amp;öljer upp</translation>
    </message>
    <message>
        <source>Who follows up</source>
        <translation>Vem följer upp</translation>
    </message>
    <message>
        <source>Signed up for the &amp;meeting</source>
        <translation>Anmäld till &amp;mötet</translation>
    </message>
    <message>
        <source>Signed up for the meeting</source>
        <translation>Anmäld till mötet</translation>
    </message>
    <message>
        <source>Flag the call: a &amp;query for the organiser</source>
        <translation>L&amp;yft samtalet till organisatören</translation>
    </message>
    <message>
        <source>Flag for the organiser</source>
        <translation>Lyft samtalet till organisatören</translation>
    </message>
    <message>
        <source>N&amp;otes for the next caller</source>
        <translation>Ante&amp;ckningar till nästa som ringer</translation>
    </message>
    <message>
        <source>Notes for the next caller</source>
        <translation>Anteckningar till nästa som ringer</translation>
    </message>
    <message>
        <source>Look a&amp;gain</source>
        <translation>&amp;Titta igen</translation>
    </message>
    <message>
        <source>Finding the next person…</source>
        <translation>Letar fram nästa person …</translation>
    </message>
    <message>
        <source>Go on with this call</source>
        <translation>Fortsätt med samtalet</translation>
    </message>
    <message>
        <source>Take the next person</source>
        <translation>Ta nästa person</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Trying again…</source>
        <translation>Anslutningen till servern bröts. Försöker igen…</translation>
    </message>
    <message>
        <source>Undone: %1. Correct it and save again.</source>
        <translation>Ångrat: %1. Rätta och spara igen.</translation>
    </message>
    <message>
        <source>The campaign&apos;s settings lack: %1. The script shows … there. Ask the organiser to fill them in under Campaign › Campaign settings.</source>
        <translation>Kampanjinställningarna saknar: %1. Manuset visar … där. Be organisatören fylla i det under Kampanj › Kampanjinställningar.</translation>
    </message>
    <message>
        <source>Outside calling hours</source>
        <translation>Utanför ringtiderna</translation>
    </message>
    <message>
        <source>Everyone has been called!</source>
        <translation>Alla har blivit uppringda!</translation>
    </message>
    <message>
        <source>Nobody to call right now</source>
        <translation>Ingen att ringa just nu</translation>
    </message>
    <message>
        <source>I want to become a member of {association}. I agree that the association keeps my name and contact details in its member register while I am a member.</source>
        <translation>Jag vill bli medlem i {association}. Jag godkänner att föreningen sparar mitt namn och mina kontaktuppgifter i medlemsregistret så länge jag är medlem.</translation>
    </message>
    <message>
        <source>the association</source>
        <translation>föreningen</translation>
    </message>
    <message>
        <source>Choose what happened (Ctrl+1 … Ctrl+9), then save with Ctrl+Return.</source>
        <translation>Välj vad som hände (Ctrl+1 … Ctrl+9) och spara sedan med Ctrl+Retur.</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Utfall: %1</translation>
    </message>
    <message>
        <source>call back %1</source>
        <translation>ring tillbaka %1</translation>
    </message>
    <message>
        <source>membership form filled in</source>
        <translation>medlemsformuläret är ifyllt</translation>
    </message>
    <message>
        <source>all their numbers go on the do-not-call list when you save</source>
        <translation>alla personens nummer hamnar på spärrlistan när du sparar</translation>
    </message>
    <message>
        <source>Save the call</source>
        <translation>Spara samtalet</translation>
    </message>
    <message>
        <source>First choose what happened: press Ctrl+1 … Ctrl+9 or click an outcome.</source>
        <translation>Välj först vad som hände: tryck Ctrl+1 … Ctrl+9 eller klicka på ett utfall.</translation>
    </message>
    <message>
        <source>The script&apos;s answers say “%1”, but you chose “%2”. Save the call as “%2”?</source>
        <translation>Svaren i manuset säger ”%1”, men du valde ”%2”. Spara samtalet som ”%2”?</translation>
    </message>
    <message>
        <source>Your reservation of %1 ran out and someone else may be calling them now. Your call is still saved if you go on, but it will not undo what the other caller saved.</source>
        <translation>Din reservation av %1 har gått ut och någon annan kan ringa personen nu. Ditt samtal sparas ändå om du fortsätter, men det ändrar inte det som den andra ringaren har sparat.</translation>
    </message>
    <message>
        <source>Your reservation of %1 ran out while the computer was idle. Nobody else has taken them, so you can go on.</source>
        <translation>Din reservation av %1 gick ut medan datorn vilade. Ingen annan har tagit personen, så du kan fortsätta.</translation>
    </message>
    <message>
        <source>%1 was also called by %2 at %3. Your call is saved.</source>
        <translation>%1 ringdes också av %2 (%3). Ditt samtal är sparat.</translation>
    </message>
    <message>
        <source>another caller</source>
        <translation>en annan ringare</translation>
    </message>
    <message>
        <source>%1 was changed by someone else while you called (for example put on the do-not-call list). Your call is saved.</source>
        <translation>%1 ändrades av någon annan medan du ringde (till exempel sattes på spärrlistan). Ditt samtal är sparat.</translation>
    </message>
    <message>
        <source>Leave the calling screen</source>
        <translation>Lämna ringvyn</translation>
    </message>
    <message>
        <source>The call with %1 is not saved. Leave without saving?</source>
        <translation>Samtalet med %1 är inte sparat. Vill du gå ut utan att spara?</translation>
    </message>
</context>
<context>
    <name>ContactCardView</name>
    <message>
        <source>&amp;Number:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>Phone number to call</source>
        <translation>Telefonnummer att ringa</translation>
    </message>
    <message>
        <source>Co&amp;py number</source>
        <translation>Ko&amp;piera numret</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Kopiera numret</translation>
    </message>
    <message>
        <source>Scan with your mobile to dial</source>
        <translation>Skanna med mobilen för att ringa</translation>
    </message>
    <message>
        <source>QR code with the phone number</source>
        <translation>QR-kod med telefonnumret</translation>
    </message>
    <message>
        <source>Call s&amp;tarted</source>
        <translation>Samtalet &amp;började</translation>
    </message>
    <message>
        <source>Start the call timer</source>
        <translation>Starta samtalsklockan</translation>
    </message>
    <message>
        <source>Show the &amp;whole card</source>
        <translation>Visa h&amp;ela kortet</translation>
    </message>
    <message>
        <source>Notes from earlier callers:</source>
        <translation>Anteckningar från tidigare samtal:</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(inget namn)</translation>
    </message>
    <message>
        <source>Area: %1</source>
        <translation>Område: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <source>List: %1</source>
        <translation>Lista: %1</translation>
    </message>
    <message>
        <source>%1 – wrong number</source>
        <translation>%1 – fel nummer</translation>
    </message>
    <message>
        <source>Earlier attempts:</source>
        <translation>Tidigare försök:</translation>
    </message>
    <message>
        <source>Not called before.</source>
        <translation>Inte uppringd tidigare.</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Inget nummer</translation>
    </message>
    <message>
        <source>%1, marked as wrong number</source>
        <translation>%1, markerat som fel nummer</translation>
    </message>
    <message>
        <source>Number %1</source>
        <translation>Nummer %1</translation>
    </message>
    <message>
        <source>Call with this computer</source>
        <translation>Ring från datorn</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>Samtalstid</translation>
    </message>
</context>
<context>
    <name>CountsBox</name>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Pratat med</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Nya medlemmar</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
</context>
<context>
    <name>EveningPanel</name>
    <message>
        <source>You tonight</source>
        <translation>Du i kväll</translation>
    </message>
    <message>
        <source>The team tonight</source>
        <translation>Laget i kväll</translation>
    </message>
    <message>
        <source>Tonight&apos;s goals</source>
        <translation>Kvällens mål</translation>
    </message>
    <message>
        <source>Campaign goals</source>
        <translation>Kampanjens mål</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Calls towards tonight&apos;s goal</source>
        <translation>Samtal mot kvällens mål</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Pratat med</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Nya medlemmar</translation>
    </message>
    <message>
        <source>Conversations towards the goal</source>
        <translation>Samtal mot målet</translation>
    </message>
    <message>
        <source>New members towards the goal</source>
        <translation>Nya medlemmar mot målet</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Hooray! %1 is a new member! Well done!</source>
        <translation>Hurra! %1 är ny medlem! Bra jobbat!</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>New member</source>
        <translation>Ny medlem</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>The person has heard the text above and &amp;agrees</source>
        <translation>Personen har hört texten ovan och go&amp;dkänner</translation>
    </message>
    <message>
        <source>The association may &amp;contact them by email or text message</source>
        <translation>Föreningen får &amp;kontakta personen via mejl eller sms</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Förnamn:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Efternamn:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Mejl:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Gatuadress:</translation>
    </message>
    <message>
        <source>Postco&amp;de:</source>
        <translation>&amp;Postnummer:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>Post&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Birth year:</source>
        <translation>Födelse&amp;år:</translation>
    </message>
    <message>
        <source>Read this to the person:</source>
        <translation>Läs upp det här för personen:</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <source>Outcome: %1</source>
        <translation>Utfall: %1</translation>
    </message>
</context>
<context>
    <name>QueueTexts</name>
    <message>
        <source>It is outside the campaign&apos;s calling hours (today %1).</source>
        <translation>Det är utanför kampanjens ringtider (i dag %1).</translation>
    </message>
    <message>
        <source>Calling opens again %1.</source>
        <translation>Du kan ringa igen %1.</translation>
    </message>
    <message>
        <source>There are no contacts to call here yet. Import a phone list first.</source>
        <translation>Det finns inga kontakter att ringa här än. Importera en ringlista först.</translation>
    </message>
    <message numerus="yes">
        <source>Everyone has been called: all %n contact(s) are done.</source>
        <translation>
            <numerusform>Alla är uppringda: %n kontakt är klar.</numerusform>
            <numerusform>Alla är uppringda: alla %n kontakter är klara.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) are being called by others right now.</source>
        <translation>
            <numerusform>%n kontakt rings just nu av någon annan.</numerusform>
            <numerusform>%n kontakter rings just nu av andra.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) wait to be tried again, the first at %1.</source>
        <translation>
            <numerusform>%n kontakt väntar på ett nytt försök, klockan %1.</numerusform>
            <numerusform>%n kontakter väntar på ett nytt försök, den första klockan %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n callback(s) are due later, the first at %1.</source>
        <translation>
            <numerusform>%n återuppringning ska göras senare, klockan %1.</numerusform>
            <numerusform>%n återuppringningar ska göras senare, den första klockan %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) are in calling packs on volunteers&apos; laptops.</source>
        <translation>
            <numerusform>%n kontakt(er) finns i ringpaket på ringarnas datorer.</numerusform>
            <numerusform>%n kontakt(er) finns i ringpaket på ringarnas datorer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) are done.</source>
        <translation>
            <numerusform>%n kontakt är klar.</numerusform>
            <numerusform>%n kontakter är klara.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Tillbaka</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Föregående steg</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>&amp;Nästa steg</translation>
    </message>
    <message>
        <source>Next step without answering</source>
        <translation>Nästa steg utan att svara</translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation>&amp;Gå till:</translation>
    </message>
    <message>
        <source>Go to a step of the script</source>
        <translation>Gå till ett steg i manuset</translation>
    </message>
    <message>
        <source>&amp;Voicemail text</source>
        <translation>Te&amp;xt för röstbrevlåda</translation>
    </message>
    <message>
        <source>Show what to say on voicemail</source>
        <translation>Visa vad du säger på röstbrevlådan</translation>
    </message>
    <message>
        <source>What to say on voicemail</source>
        <translation>Vad du säger på röstbrevlådan</translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation>Manus: %1</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Manus</translation>
    </message>
    <message>
        <source>This campaign has no conversation script. Talk freely.</source>
        <translation>Kampanjen har inget samtalsmanus. Prata fritt.</translation>
    </message>
    <message>
        <source>End of the script</source>
        <translation>Slut på manuset</translation>
    </message>
    <message>
        <source>Choose the outcome below and save with Ctrl+Return.</source>
        <translation>Välj utfall nedan och spara med Ctrl+Retur.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsätt</translation>
    </message>
    <message>
        <source>Hi {first_name}, this is {volunteer} from {association}. I called to talk about {local_issue}. I will try again another day. Have a nice evening!</source>
        <translation>Hej {first_name}, det här är {volunteer} från {association}. Jag ringde för att prata om {local_issue}. Jag försöker igen en annan dag. Ha en fin kväll!</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip this person</source>
        <translation>Hoppa över den här personen</translation>
    </message>
    <message>
        <source>I know this person</source>
        <translation>Jag känner personen</translation>
    </message>
    <message>
        <source>Not a good moment</source>
        <translation>Passar inte just nu</translation>
    </message>
    <message>
        <source>Another caller should take this one</source>
        <translation>Någon annan borde ringa den här</translation>
    </message>
    <message>
        <source>Reason for skipping</source>
        <translation>Varför du hoppar över</translation>
    </message>
    <message>
        <source>&amp;Why do you skip? The person goes back to the list.</source>
        <translation>&amp;Varför hoppar du över? Personen går tillbaka till listan.</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Start calling</source>
        <translation>Börja ringa</translation>
    </message>
    <message>
        <source>Welcome! Who is calling tonight, and for what?</source>
        <translation>Välkommen! Vem ringer i kväll, och för vad?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <source>%1 (practice)</source>
        <translation>%1 (övning)</translation>
    </message>
    <message>
        <source>First time? Start with the practice campaign: made-up people, nobody is really called.</source>
        <translation>Första gången? Börja med övningskampanjen: påhittade personer, ingen blir uppringd på riktigt.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Kampanj:</translation>
    </message>
    <message>
        <source>&amp;Target group:</source>
        <translation>&amp;Målgrupp:</translation>
    </message>
    <message>
        <source>&amp;Start calling</source>
        <translation>Börja &amp;ringa</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alla grupper</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Your evening</source>
        <translation>Din kväll</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>Tack, %1!</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n samtal</numerusform>
            <numerusform>%n samtal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n samtal där ni pratade</numerusform>
            <numerusform>%n samtal där ni pratade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new member(s)</source>
        <translation>
            <numerusform>%n ny medlem</numerusform>
            <numerusform>%n nya medlemmar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) promised</source>
        <translation>
            <numerusform>%n uppföljning utlovad</numerusform>
            <numerusform>%n uppföljningar utlovade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Nothing to undo: you have not saved a call this evening</source>
        <translation>Inget att ångra: du har inte sparat något samtal i kväll</translation>
    </message>
    <message>
        <source>The calling screen needs the window; run &apos;ringkvall call&apos;, not &apos;python -m app call&apos;</source>
        <translation>Ringvyn behöver fönstret; kör &apos;ringkvall call&apos;, inte &apos;python -m app call&apos;</translation>
    </message>
    <message>
        <source>--volunteer needs a name</source>
        <translation>--volunteer behöver ett namn</translation>
    </message>
    <message>
        <source>There is no campaign with id {id}</source>
        <translation>Det finns ingen kampanj med id {id}</translation>
    </message>
    <message>
        <source>There are several campaigns; say which one to call for ({names})</source>
        <translation>Det finns flera kampanjer; säg vilken du ska ringa för ({names})</translation>
    </message>
    <message>
        <source>There is no campaign to call for yet; create one or start the practice campaign</source>
        <translation>Det finns ingen kampanj att ringa för än; skapa en eller starta övningskampanjen</translation>
    </message>
    <message>
        <source>Campaign &apos;{campaign}&apos; has no target group with id {id}</source>
        <translation>Kampanjen &apos;{campaign}&apos; har ingen målgrupp med id {id}</translation>
    </message>
    <message>
        <source>Calling hours &apos;{hours}&apos; are not like 09:00-20:00</source>
        <translation>Ringtiderna &apos;{hours}&apos; ska skrivas som 09:00-20:00</translation>
    </message>
    <message>
        <source>Calling hours &apos;{hours}&apos; end before they start</source>
        <translation>Ringtiderna &apos;{hours}&apos; slutar innan de börjar</translation>
    </message>
    <message>
        <source>Unknown outcome &apos;{outcome}&apos;</source>
        <translation>Okänt utfall &apos;{outcome}&apos;</translation>
    </message>
    <message>
        <source>A callback needs a time to call back</source>
        <translation>Välj en tid för att ringa tillbaka</translation>
    </message>
    <message>
        <source>A new member needs a name in the membership form</source>
        <translation>En ny medlem behöver ett namn i medlemsformuläret</translation>
    </message>
    <message>
        <source>A new member must consent to membership before you save</source>
        <translation>En ny medlem måste godkänna medlemskapet innan du sparar</translation>
    </message>
    <message>
        <source>The follow-up says nothing about what was promised</source>
        <translation>Uppföljningen säger inget om vad som lovades</translation>
    </message>
    <message>
        <source>Contact {id} is no longer in the database</source>
        <translation>Kontakt {id} finns inte längre i databasen</translation>
    </message>
    <message>
        <source>Please say why you skip this person</source>
        <translation>Skriv varför du hoppar över den här personen</translation>
    </message>
    <message>
        <source>{name} has been called or changed by someone else since your call, so it cannot be undone. Your call stays saved.</source>
        <translation>{name} har ringts eller ändrats av någon annan efter ditt samtal, så det kan inte ångras. Ditt samtal är sparat.</translation>
    </message>
    <message>
        <source>This call&apos;s answers were counted without a name, so it can only be undone on the computer that saved it, before Ringkväll is closed. Your call stays saved.</source>
        <translation>Svaren i det här samtalet räknades utan namn, så det kan bara ångras på datorn som sparade det, innan Ringkväll stängs. Ditt samtal är kvar.</translation>
    </message>
    <message>
        <source>There is no script with id {id}</source>
        <translation>Det finns inget manus med id {id}</translation>
    </message>
    <message>
        <source>Script &apos;{script}&apos; version {version} has no question &apos;{key}&apos;; its answer cannot be saved</source>
        <translation>Manuset &apos;{script}&apos; version {version} har ingen fråga &apos;{key}&apos;; svaret kan inte sparas</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; must be text</source>
        <translation>Svaret på frågan &apos;{key}&apos; ska vara text</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; must be a list of its options</source>
        <translation>Svaret på frågan &apos;{key}&apos; ska vara en lista med frågans svarsalternativ</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; names an option more than once</source>
        <translation>Svaret på frågan &apos;{key}&apos; tar med ett svarsalternativ mer än en gång</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; must be one option, not a list</source>
        <translation>Svaret på frågan &apos;{key}&apos; ska vara ett svarsalternativ, inte en lista</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; is not one of its options ({options})</source>
        <translation>Svaret på frågan &apos;{key}&apos; är inte ett av frågans svarsalternativ ({options})</translation>
    </message>
    <message>
        <source>Question key &apos;{key}&apos; is empty or longer than {limit} characters</source>
        <translation>Frågenyckeln &apos;{key}&apos; är tom eller längre än {limit} tecken</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; must be text or a list of options</source>
        <translation>Svaret på frågan &apos;{key}&apos; ska vara text eller en lista med svarsalternativ</translation>
    </message>
    <message>
        <source>The answer to question &apos;{key}&apos; is {length} characters long; at most {limit} fit</source>
        <translation>Svaret på frågan &apos;{key}&apos; är {length} tecken långt; högst {limit} tecken får plats</translation>
    </message>
</context>
<context>
    <name>calling</name>
    <message>
        <source>the association&apos;s name</source>
        <translation>föreningens namn</translation>
    </message>
    <message>
        <source>the local issue</source>
        <translation>den lokala frågan</translation>
    </message>
    <message>
        <source>the association&apos;s message</source>
        <translation>föreningens budskap</translation>
    </message>
    <message>
        <source>the meeting&apos;s title</source>
        <translation>mötets namn</translation>
    </message>
    <message>
        <source>the meeting&apos;s time</source>
        <translation>mötets tid</translation>
    </message>
    <message>
        <source>the meeting&apos;s link</source>
        <translation>mötets länk</translation>
    </message>
    <message>
        <source>the meeting&apos;s guest</source>
        <translation>mötets gäst</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>mobil</translation>
    </message>
    <message>
        <source>landline</source>
        <translation>fast</translation>
    </message>
    <message>
        <source>landline or mobile</source>
        <translation>fast eller mobil</translation>
    </message>
    <message>
        <source>internet phone</source>
        <translation>ip-telefon</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>personligt nummer</translation>
    </message>
</context>
</TS>
