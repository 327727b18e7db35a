<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AccessDialog</name>
    <message>
        <source>Everything about a person</source>
        <translation>Allt om en person</translation>
    </message>
    <message>
        <source>Someone has asked what we store about them. Type one of their phone numbers (or their id) and Ringkväll writes everything it has about them, in every campaign, to an Excel file you can send them.</source>
        <translation>Någon har frågat vad vi har sparat om hen. Skriv ett av personens telefonnummer (eller id) så skriver Ringkväll allt den har om personen, i alla kampanjer, till en Excelfil som du kan skicka till hen.</translation>
    </message>
    <message>
        <source>&amp;Number or id:</source>
        <translation>&amp;Nummer eller id:</translation>
    </message>
    <message>
        <source>&amp;Language of the file:</source>
        <translation>&amp;Språk i filen:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>Spara s&amp;om:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>The file holds personal data: send it only to the person themselves. Writing it is noted in the log.</source>
        <translation>Filen innehåller personuppgifter: skicka den bara till personen själv. Att den skrivs noteras i loggen.</translation>
    </message>
    <message>
        <source>&amp;Write the file</source>
        <translation>Skriv &amp;filen</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excelfiler (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Skriver filen…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Skrev %1</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <source>Number</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Outcome before</source>
        <translation>Utfall före</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Manus</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Based on version</source>
        <translation>Bygger på version</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Ringpaket</translation>
    </message>
    <message>
        <source>Back in the queue</source>
        <translation>Tillbaka i kön</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Nya medlemmar</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <source>Do-not-call numbers</source>
        <translation>Spärrade nummer</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Markerade för granskning</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Ringare</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerade</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisade</translation>
    </message>
    <message>
        <source>On the do-not-call list</source>
        <translation>På spärrlistan</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Dubbletter</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampanjer</translation>
    </message>
    <message>
        <source>Also on the do-not-call list</source>
        <translation>Även på spärrlistan</translation>
    </message>
    <message>
        <source>Numbers blocked</source>
        <translation>Spärrade nummer</translation>
    </message>
    <message>
        <source>Before the date</source>
        <translation>Före datumet</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>district</source>
        <translation>distrikt</translation>
    </message>
    <message>
        <source>figures only</source>
        <translation>bara siffror</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>allt</translation>
    </message>
    <message>
        <source>a call</source>
        <translation>ett samtal</translation>
    </message>
    <message>
        <source>a calling pack</source>
        <translation>ett ringpaket</translation>
    </message>
    <message>
        <source>a corrected call</source>
        <translation>ett rättat samtal</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>A phone list was imported</source>
        <translation>En telefonlista importerades</translation>
    </message>
    <message>
        <source>Results were exported</source>
        <translation>Resultat exporterades</translation>
    </message>
    <message>
        <source>District files were combined</source>
        <translation>Distriktets filer sammanställdes</translation>
    </message>
    <message>
        <source>A campaign&apos;s personal data was deleted</source>
        <translation>En kampanjs personuppgifter raderades</translation>
    </message>
    <message>
        <source>A person was erased</source>
        <translation>En person raderades</translation>
    </message>
    <message>
        <source>Everything about a person was written to a file</source>
        <translation>Allt om en person skrevs till en fil</translation>
    </message>
    <message>
        <source>Numbers were put on the do-not-call list</source>
        <translation>Nummer lades på spärrlistan</translation>
    </message>
    <message>
        <source>A script was imported</source>
        <translation>Ett manus importerades</translation>
    </message>
    <message>
        <source>A script was edited</source>
        <translation>Ett manus ändrades</translation>
    </message>
    <message>
        <source>A calling pack was made</source>
        <translation>Ett samtalspaket skapades</translation>
    </message>
    <message>
        <source>A calling pack was taken back</source>
        <translation>Ett samtalspaket drogs tillbaka</translation>
    </message>
    <message>
        <source>A calling pack&apos;s results were received</source>
        <translation>Resultaten från ett samtalspaket togs emot</translation>
    </message>
    <message>
        <source>The record of processing was changed</source>
        <translation>Registret över behandling ändrades</translation>
    </message>
    <message>
        <source>The campaign&apos;s settings were changed</source>
        <translation>Kampanjens inställningar ändrades</translation>
    </message>
    <message>
        <source>A person was skipped</source>
        <translation>En person hoppades över</translation>
    </message>
    <message>
        <source>A call was undone</source>
        <translation>Ett samtal ångrades</translation>
    </message>
    <message>
        <source>The practice campaign was made</source>
        <translation>Övningskampanjen skapades</translation>
    </message>
    <message>
        <source>A file was moved to the server</source>
        <translation>En fil flyttades till servern</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Logg</translation>
    </message>
    <message>
        <source>Everything done with the personal data: imports, exports, deletions and changes, with when and who. The log never holds the names or numbers of the people called.</source>
        <translation>Allt som har gjorts med personuppgifterna: importer, exporter, raderingar och ändringar, med när och av vem. Loggen innehåller aldrig namn eller nummer på dem som ringts.</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>Ka&amp;mpanj:</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Computer user</source>
        <translation>Datorns användare</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Nothing has been logged yet.</source>
        <translation>Inget har loggats än.</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alla kampanjer</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Calls: %1</source>
        <translation>Samtalen: %1</translation>
    </message>
    <message>
        <source>Every call of the campaign, newest first. Choose a call and press Enter to correct it; the call as it was stays readable.</source>
        <translation>Kampanjens alla samtal, de senaste först. Välj ett samtal och tryck Enter för att rätta det. Det som sparades först går alltid att läsa.</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <source>Target &amp;group:</source>
        <translation>&amp;Målgrupp:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>part of the person&apos;s name</source>
        <translation>en del av personens namn</translation>
    </message>
    <message>
        <source>Correc&amp;t the call…</source>
        <translation>Rätta &amp;samtalet…</translation>
    </message>
    <message>
        <source>Only &amp;corrected calls</source>
        <translation>Bara rättade samta&amp;l</translation>
    </message>
    <message>
        <source>Call&amp;er:</source>
        <translation>Rin&amp;gare:</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Ringare</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Mötet</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>No calls match the filters.</source>
        <translation>Inga samtal passar urvalet.</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alla utfall</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Showing the newest %1 calls; narrow the filters to see older ones.</source>
        <translation>Visar de %1 senaste samtalen. Gör urvalet snävare för att se äldre.</translation>
    </message>
    <message>
        <source>The call is corrected (version %1).</source>
        <translation>Samtalet är rättat (version %1).</translation>
    </message>
    <message>
        <source>The person stays on the do-not-call list; remove the number there if that was a mistake too.</source>
        <translation>Personen står kvar på spärrlistan. Ta bort numret där om även det var fel.</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtalen</translation>
    </message>
    <message>
        <source>Choose a campaign on the start page first.</source>
        <translation>Välj först en kampanj på startsidan.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Campaign settings</source>
        <translation>Kampanjinställningar</translation>
    </message>
    <message>
        <source>Personal data is kept no longer than needed (GDPR). Suggested: three months after the campaign ends.</source>
        <translation>Personuppgifter sparas inte längre än de behövs (GDPR). Förslag: tre månader efter att kampanjen slutar.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Association:</source>
        <translation>&amp;Förening:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Börjar:</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Slutar:</translation>
    </message>
    <message>
        <source>Local &amp;issue:</source>
        <translation>&amp;Lokal fråga:</translation>
    </message>
    <message>
        <source>Our &amp;message:</source>
        <translation>Vårt b&amp;udskap:</translation>
    </message>
    <message>
        <source>&amp;Delete personal data after:</source>
        <translation>&amp;Radera personuppgifter efter:</translation>
    </message>
    <message>
        <source>Re&amp;cord of processing…</source>
        <translation>Register över be&amp;handling…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Länk:</translation>
    </message>
    <message>
        <source>&amp;Guest:</source>
        <translation>&amp;Gäst:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Callers may leave notes for the next caller</source>
        <translation>Ringare får lämna anteckningar till nästa ringare</translation>
    </message>
    <message>
        <source>&amp;Wait before calling again:</source>
        <translation>Vän&amp;ta innan nytt försök:</translation>
    </message>
    <message>
        <source>&amp;Attempts per contact:</source>
        <translation>&amp;Försök per kontakt:</translation>
    </message>
    <message>
        <source>Calling hours, wee&amp;kdays:</source>
        <translation>Ringtider, &amp;vardagar:</translation>
    </message>
    <message>
        <source>Calling hours, week&amp;ends:</source>
        <translation>Ringtider, &amp;helger:</translation>
    </message>
    <message>
        <source>Goal, &amp;conversations:</source>
        <translation>Mål, &amp;samtal:</translation>
    </message>
    <message>
        <source>Goal, new &amp;members:</source>
        <translation>Mål, nya &amp;medlemmar:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>Digital meeting</source>
        <translation>Digitalt möte</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>Ringning</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD, for example 2026-11-02.</source>
        <translation>”%1” är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-11-02.</translation>
    </message>
</context>
<context>
    <name>CampaignPrivacyBox</name>
    <message>
        <source>Delete personal data n&amp;ow…</source>
        <translation>Ra&amp;dera personuppgifterna nu…</translation>
    </message>
    <message>
        <source>Save answers without a link to the &amp;person</source>
        <translation>Spara svar utan &amp;koppling till personen</translation>
    </message>
    <message>
        <source>Then the answers to the script&apos;s questions are only counted, per target group and day, and never stored with the person or the call. The figures and the exports still show them. Follow-ups and new members are still saved with the person.</source>
        <translation>Då räknas svaren på manusets frågor bara, per målgrupp och dag, och sparas aldrig ihop med personen eller samtalet. Siffrorna och exporterna visar dem ändå. Uppföljningar och nya medlemmar sparas fortfarande med personen.</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <source>The five words on your slip, with spaces or dashes between them. Small or capital letters both work.</source>
        <translation>De fem orden på din lapp, med mellanslag eller bindestreck mellan dem. Små eller stora bokstäver går lika bra.</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ditt namn:</translation>
    </message>
    <message>
        <source>&amp;Save the results as:</source>
        <translation>&amp;Spara resultaten som:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Spara resultaten</translation>
    </message>
    <message>
        <source>Calling packs (*.ringkvall)</source>
        <translation>Ringpaket (*.ringkvall)</translation>
    </message>
    <message>
        <source>Please type the code.</source>
        <translation>Skriv koden.</translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>Skriv ditt namn.</translation>
    </message>
    <message>
        <source>Please choose where to save the results.</source>
        <translation>Välj var resultaten ska sparas.</translation>
    </message>
    <message>
        <source>Working… this takes a moment.</source>
        <translation>Arbetar… det tar en liten stund.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a call</source>
        <translation>Rätta ett samtal</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, called %2 by %3 (%4). Version %5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, ringd %2 av %3 (%4). Version %5.</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <source>&amp;When to call back (day, time):</source>
        <translation>Ring till&amp;baka (dag, tid):</translation>
    </message>
    <message>
        <source>New member&apos;s &amp;first name:</source>
        <translation>Ny medlems &amp;förnamn:</translation>
    </message>
    <message>
        <source>New member&apos;s &amp;last name:</source>
        <translation>Ny medlems &amp;efternamn:</translation>
    </message>
    <message>
        <source>Digital meeting:</source>
        <translation>Digitalt möte:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>A&amp;nteckningar:</translation>
    </message>
    <message>
        <source>Corrected &amp;by:</source>
        <translation>&amp;Rättat av:</translation>
    </message>
    <message>
        <source>The person &amp;agreed to become a member</source>
        <translation>Personen &amp;ville bli medlem</translation>
    </message>
    <message>
        <source>Signed up for the &amp;meeting</source>
        <translation>Anmäld till &amp;mötet</translation>
    </message>
    <message>
        <source>Earlier &amp;versions:</source>
        <translation>&amp;Tidigare versioner:</translation>
    </message>
    <message>
        <source>This campaign counts answers without a name, so the call has no answers to correct.</source>
        <translation>Den här kampanjen räknar svaren utan namn, så samtalet har inga svar att rätta.</translation>
    </message>
    <message>
        <source>&amp;Save the correction</source>
        <translation>&amp;Spara rättelsen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Avbr&amp;yt</translation>
    </message>
    <message>
        <source>Never corrected: this is the call as it was saved.</source>
        <translation>Aldrig rättat: så här sparades samtalet.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Version %1&lt;/b&gt;, %2, %3&lt;br&gt;%4. Meeting: %5. Answers: %6&lt;br&gt;Notes: %7&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Version %1&lt;/b&gt;, %2, %3&lt;br&gt;%4. Mötet: %5. Svar: %6&lt;br&gt;Anteckningar: %7&lt;/p&gt;</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Choose in a calendar (Alt+Down)</source>
        <translation>Välj i en kalender (Alt+Nedåtpil)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase a person</source>
        <translation>Radera en person</translation>
    </message>
    <message>
        <source>When someone asks to be deleted: write one of their phone numbers (or their id). Ringkväll finds them in every campaign and deletes their name, numbers, notes and answers. The campaign&apos;s figures stay, without a name.</source>
        <translation>När någon ber att bli raderad: skriv ett av personens telefonnummer (eller id). Ringkväll hittar personen i alla kampanjer och raderar namn, nummer, anteckningar och svar. Kampanjens siffror finns kvar, utan namn.</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>&amp;Keep the number on the do-not-call list</source>
        <translation>&amp;Behåll numret på spärrlistan</translation>
    </message>
    <message>
        <source>Then no later phone list brings the person back. Untick it only when they ask that not even their number is kept.</source>
        <translation>Då kommer personen inte tillbaka med en senare telefonlista. Kryssa bara ur rutan om personen ber att inte ens numret ska sparas.</translation>
    </message>
    <message>
        <source>Phone &amp;number or id:</source>
        <translation>&amp;Telefonnummer eller id:</translation>
    </message>
    <message>
        <source>&amp;Erase…</source>
        <translation>&amp;Radera…</translation>
    </message>
    <message numerus="yes">
        <source>Found in %n campaign(s): %1.</source>
        <translation>
            <numerusform>Finns i %n kampanj: %1.</numerusform>
            <numerusform>Finns i %n kampanjer: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only on the do-not-call list.</source>
        <translation>Finns bara på spärrlistan.</translation>
    </message>
    <message>
        <source>Delete this person in every campaign, for good?</source>
        <translation>Radera personen i alla kampanjer, för gott?</translation>
    </message>
    <message>
        <source>Erased. The figures stay, without a name.</source>
        <translation>Raderad. Siffrorna finns kvar, utan namn.</translation>
    </message>
</context>
<context>
    <name>EveningDialog</name>
    <message>
        <source>Change the evening</source>
        <translation>Ändra ringkvällen</translation>
    </message>
    <message>
        <source>New calling evening</source>
        <translation>Ny ringkväll</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Start &amp;time:</source>
        <translation>&amp;Börjar kl.:</translation>
    </message>
    <message>
        <source>&amp;End time:</source>
        <translation>Sl&amp;utar kl.:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plats:</translation>
    </message>
    <message>
        <source>&amp;Video link:</source>
        <translation>&amp;Videolänk:</translation>
    </message>
    <message>
        <source>Target &amp;groups:</source>
        <translation>&amp;Målgrupper:</translation>
    </message>
    <message>
        <source>Goal: ca&amp;lls:</source>
        <translation>Mål: samtal &amp;totalt:</translation>
    </message>
    <message>
        <source>Goal: conversat&amp;ions:</source>
        <translation>Mål: &amp;genomförda samtal:</translation>
    </message>
    <message>
        <source>Goal: new &amp;members:</source>
        <translation>Mål: nya m&amp;edlemmar:</translation>
    </message>
    <message>
        <source>A &amp;word for the invitation:</source>
        <translation>&amp;Hälsning i inbjudan:</translation>
    </message>
    <message>
        <source>no goal</source>
        <translation>inget mål</translation>
    </message>
</context>
<context>
    <name>EveningsPage</name>
    <message>
        <source>Calling evenings: %1</source>
        <translation>Ringkvällar: %1</translation>
    </message>
    <message>
        <source>Plan the evenings, note who is coming, and send the invitation: copy the text into an e-mail or a chat, or save a calendar file that people open in their calendar.</source>
        <translation>Planera ringkvällarna, skriv upp vilka som kommer och skicka inbjudan: kopiera texten till ett mejl eller en chatt, eller spara en kalenderfil som man öppnar i sin kalender.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>Anmälda</translation>
    </message>
    <message>
        <source>No evenings planned yet. Press “New evening…” to plan one.</source>
        <translation>Inga ringkvällar planerade än. Tryck på ”Ny ringkväll…” för att planera en.</translation>
    </message>
    <message>
        <source>Invi&amp;tation:</source>
        <translation>Inbj&amp;udan:</translation>
    </message>
    <message>
        <source>&amp;New evening…</source>
        <translation>&amp;Ny ringkväll…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <source>Sign some&amp;one up…</source>
        <translation>Anmäl en &amp;frivillig…</translation>
    </message>
    <message>
        <source>Sign &amp;me up</source>
        <translation>Anmäl &amp;mig</translation>
    </message>
    <message>
        <source>Cop&amp;y the invitation</source>
        <translation>Kopiera inb&amp;judan</translation>
    </message>
    <message>
        <source>Sa&amp;ve as calendar file…</source>
        <translation>&amp;Spara som kalenderfil…</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 samtal</translation>
    </message>
    <message>
        <source>%1 conversations</source>
        <translation>%1 genomförda samtal</translation>
    </message>
    <message>
        <source>%1 new members</source>
        <translation>%1 nya medlemmar</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>ingen än</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Anmälan</translation>
    </message>
    <message>
        <source>Ringkväll does not know your name yet. Use “Sign someone up…” and type it.</source>
        <translation>Ringkväll vet inte ditt namn än. Använd ”Anmäl en frivillig…” och skriv in det.</translation>
    </message>
    <message>
        <source>Signed up: %1</source>
        <translation>Anmälda: %1</translation>
    </message>
    <message>
        <source>Delete the evening</source>
        <translation>Ta bort ringkvällen</translation>
    </message>
    <message>
        <source>Delete the evening %1? Its sign-ups go with it.</source>
        <translation>Ta bort ringkvällen %1? Anmälningarna försvinner också.</translation>
    </message>
    <message>
        <source>The invitation is copied: paste it into an e-mail or a chat (Ctrl+V).</source>
        <translation>Inbjudan är kopierad: klistra in den i ett mejl eller en chatt (Ctrl+V).</translation>
    </message>
    <message>
        <source>Save the evenings as a calendar file</source>
        <translation>Spara ringkvällarna som kalenderfil</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Kalenderfiler (*.ics);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Saved %1. Send it with the invitation: it opens in people&apos;s calendars.</source>
        <translation>Sparade %1. Skicka den med inbjudan: den öppnas i var och ens kalender.</translation>
    </message>
    <message>
        <source>Calling evenings</source>
        <translation>Ringkvällar</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Välj en kampanj först.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Ringkväll</source>
        <translation>Ringkväll</translation>
    </message>
    <message>
        <source>Choose a campaign, then start the calling evening.</source>
        <translation>Välj en kampanj och starta sedan ringkvällen.</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>Ka&amp;mpanjer</translation>
    </message>
    <message>
        <source>Start calling</source>
        <translation>Börja ringa</translation>
    </message>
    <message>
        <source>Import a phone list…</source>
        <translation>Importera en telefonlista…</translation>
    </message>
    <message>
        <source>Conversation scripts…</source>
        <translation>Samtalsmanus…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Campaign settings…</source>
        <translation>Kampanjinställningar…</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>Ny kampanj…</translation>
    </message>
    <message>
        <source>There is no campaign yet. Create one, or open the practice campaign from the File menu.</source>
        <translation>Det finns ingen kampanj än. Skapa en, eller öppna övningskampanjen i Arkiv-menyn.</translation>
    </message>
    <message numerus="yes">
        <source>%n target group(s)</source>
        <translation>
            <numerusform>%n målgrupp</numerusform>
            <numerusform>%n målgrupper</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n kontakt</numerusform>
            <numerusform>%n kontakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice campaign: made-up people, nobody is really called.</source>
        <translation>Övningskampanj: påhittade personer, ingen blir uppringd på riktigt.</translation>
    </message>
    <message>
        <source>Tonight %1–%2</source>
        <translation>Ikväll %1–%2</translation>
    </message>
    <message>
        <source>Signed up: %1</source>
        <translation>Anmälda: %1</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>ingen än</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 samtal</translation>
    </message>
    <message>
        <source>%1 conversations</source>
        <translation>%1 genomförda samtal</translation>
    </message>
    <message>
        <source>%1 new members</source>
        <translation>%1 nya medlemmar</translation>
    </message>
    <message>
        <source>Goals: %1</source>
        <translation>Mål: %1</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Fel nummer</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Ny medlem</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flaggad</translation>
    </message>
    <message>
        <source>From a calling pack that was taken back</source>
        <translation>Från ett ringpaket som togs tillbaka</translation>
    </message>
    <message>
        <source>From a calling pack after its last day</source>
        <translation>Från ett ringpaket efter sista dagen</translation>
    </message>
    <message>
        <source>Flagged by the caller</source>
        <translation>Flaggat av ringaren</translation>
    </message>
    <message>
        <source>Report to the district</source>
        <translation>Rapportera till distriktet</translation>
    </message>
    <message>
        <source>Hand over to the membership register: %1</source>
        <translation>Lämna till medlemsregistret: %1</translation>
    </message>
    <message>
        <source>Asked to be called back when the queue cannot</source>
        <translation>Vill bli uppringd när kön inte hinner</translation>
    </message>
    <message>
        <source>all campaigns</source>
        <translation>alla kampanjer</translation>
    </message>
    <message>
        <source>Inbox: %1</source>
        <translation>Inkorg: %1</translation>
    </message>
    <message>
        <source>What was promised on the phone or must be passed on. Give each item an owner and a day; press Space (or Ctrl+Enter) when it is done.</source>
        <translation>Det som lovades i telefon eller ska lämnas vidare. Ge varje sak en ansvarig och en dag; tryck på mellanslag (eller Ctrl+Enter) när den är klar.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alla sorter</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Att göra</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Ki&amp;nd:</source>
        <translation>&amp;Sort:</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <source>&amp;Belongs to:</source>
        <translation>Til&amp;lhör:</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>vem som helst</translation>
    </message>
    <message>
        <source>Only o&amp;verdue</source>
        <translation>Bara &amp;försenade</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Ansvari&amp;g:</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>Sista &amp;dag:</translation>
    </message>
    <message>
        <source>Save owner and da&amp;y</source>
        <translation>S&amp;para ansvarig och dag</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Markera klar</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Ringde</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>Nothing here. Everything promised has been done.</source>
        <translation>Här finns inget. Allt som lovats är gjort.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Not &amp;done after all</source>
        <translation>&amp;Markera som inte klar</translation>
    </message>
    <message>
        <source>%1 is done.</source>
        <translation>%1 är klar.</translation>
    </message>
    <message>
        <source>%1 is saved.</source>
        <translation>%1 är sparad.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ringkväll</source>
        <translation>Ringkväll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Öppna databas…</translation>
    </message>
    <message>
        <source>&amp;Practice campaign</source>
        <translation>Ö&amp;vningskampanj</translation>
    </message>
    <message>
        <source>Connect to the association&apos;s &amp;server…</source>
        <translation>Anslut till föreningens &amp;server…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Open a calling pac&amp;k…</source>
        <translation>Öppna &amp;ringpaket…</translation>
    </message>
    <message>
        <source>&amp;Return the calling pack…</source>
        <translation>&amp;Lämna tillbaka ringpaket…</translation>
    </message>
    <message>
        <source>Rec&amp;eive calling packs…</source>
        <translation>Ta &amp;emot ringpaket…</translation>
    </message>
    <message>
        <source>Calling &amp;packs…</source>
        <translation>&amp;Ringpaket…</translation>
    </message>
    <message>
        <source>Calling &amp;evenings…</source>
        <translation>Ring&amp;kvällar…</translation>
    </message>
    <message>
        <source>In&amp;box</source>
        <translation>Ink&amp;org</translation>
    </message>
    <message>
        <source>Expor&amp;t the local plan…</source>
        <translation>Exportera lokal &amp;plan…</translation>
    </message>
    <message>
        <source>Read the district&apos;s ans&amp;wer…</source>
        <translation>Läs in distriktets sv&amp;ar…</translation>
    </message>
    <message>
        <source>C&amp;alls…</source>
        <translation>Samta&amp;len…</translation>
    </message>
    <message>
        <source>Local plans (&amp;district)…</source>
        <translation>Lokala planer (&amp;distriktet)…</translation>
    </message>
    <message>
        <source>E&amp;rase a person…</source>
        <translation>Ra&amp;dera en person…</translation>
    </message>
    <message>
        <source>Show e&amp;verything about a person…</source>
        <translation>&amp;Visa allt om en person…</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Logg</translation>
    </message>
    <message>
        <source>C&amp;ampaign</source>
        <translation>&amp;Kampanj</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Ny kampanj…</translation>
    </message>
    <message>
        <source>&amp;Import a phone list…</source>
        <translation>&amp;Importera en telefonlista…</translation>
    </message>
    <message>
        <source>&amp;Do-not-call list…</source>
        <translation>&amp;Spärrlista…</translation>
    </message>
    <message>
        <source>Conversation &amp;scripts…</source>
        <translation>Samtals&amp;manus…</translation>
    </message>
    <message>
        <source>Ca&amp;lling</source>
        <translation>&amp;Ring</translation>
    </message>
    <message>
        <source>&amp;Start calling</source>
        <translation>&amp;Börja ringa</translation>
    </message>
    <message>
        <source>Campai&amp;gn settings…</source>
        <translation>Kampanjins&amp;tällningar…</translation>
    </message>
    <message>
        <source>&amp;Back to the start page</source>
        <translation>Tillbaka till &amp;startsidan</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>R&amp;esultat</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Översikt</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Exportera till Excel…</translation>
    </message>
    <message>
        <source>&amp;Combine district files…</source>
        <translation>&amp;Sammanställ distriktets filer…</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Skriv ut &amp;rapport…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Inställningar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Textstorlek</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Större text</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Mindre text</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normal textstorlek</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Ringkväll</source>
        <translation>&amp;Om Ringkväll</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>ägare</translation>
    </message>
    <message>
        <source>organiser</source>
        <translation>organisatör</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>ringare</translation>
    </message>
    <message>
        <source>no Ringkväll role</source>
        <translation>ingen roll i Ringkväll</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Server: %1 · %2</source>
        <translation>Server: %1 · %2</translation>
    </message>
    <message>
        <source>Practice campaign ready</source>
        <translation>Övningskampanjen är klar</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Ny kampanj</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Öppna databas</translation>
    </message>
    <message>
        <source>Ringkväll databases (*.sqlite *.db);;All files (*)</source>
        <translation>Ringkväll-databaser (*.sqlite *.db);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Ansluten till %1</translation>
    </message>
    <message>
        <source>Connected to %1. The password is not remembered on this computer.</source>
        <translation>Ansluten till %1. Lösenordet sparas inte på den här datorn.</translation>
    </message>
    <message>
        <source> Ringkväll never goes on the internet by itself to look for them.</source>
        <translation> Ringkväll går aldrig ut på internet av sig själv för att leta efter dem.</translation>
    </message>
    <message>
        <source>About Ringkväll</source>
        <translation>Om Ringkväll</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ringkväll %1&lt;/h3&gt;&lt;p&gt;Calling evenings for party associations: phone lists, conversation scripts, results for the district.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Your data stays on this computer unless you export it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ringkväll %1&lt;/h3&gt;&lt;p&gt;Ringkvällar för partiföreningar: telefonlistor, samtalsmanus och resultat till distriktet.&lt;/p&gt;&lt;p&gt;Databas: %2&lt;/p&gt;&lt;p&gt;Dina uppgifter stannar på den här datorn om du inte exporterar dem.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;You have version %1. Newer versions are found at &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;.%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Du har version %1. Nyare versioner finns på &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;.%3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MakePacksDialog</name>
    <message>
        <source>All target groups</source>
        <translation>Alla målgrupper</translation>
    </message>
    <message>
        <source>Calling packs</source>
        <translation>Ringpaket</translation>
    </message>
    <message>
        <source>(no evening: tick the volunteers)</source>
        <translation>(ingen kväll: kryssa i ringarna)</translation>
    </message>
    <message>
        <source>Save the packs in</source>
        <translation>Spara ringpaketen i</translation>
    </message>
    <message>
        <source>Tick at least one volunteer, or type a name and press Add.</source>
        <translation>Kryssa för minst en ringare, eller skriv ett namn och tryck på Lägg till.</translation>
    </message>
    <message>
        <source>The last day is not a date: write it as YYYY-MM-DD.</source>
        <translation>Sista dagen är inget datum: skriv det som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>The last day has already passed.</source>
        <translation>Sista dagen har redan varit.</translation>
    </message>
    <message>
        <source>Choose the folder to save the packs in.</source>
        <translation>Välj mappen där ringpaketen ska sparas.</translation>
    </message>
    <message>
        <source>Making calling packs…</source>
        <translation>Gör ringpaket…</translation>
    </message>
    <message>
        <source>Not all packs were made: %1</source>
        <translation>Alla ringpaket blev inte gjorda: %1</translation>
    </message>
    <message>
        <source>Stopped: the packs in the list were made, the others not.</source>
        <translation>Avbrutet: ringpaketen i listan blev gjorda, de andra inte.</translation>
    </message>
    <message>
        <source>The slips could not be printed.</source>
        <translation>Lapparna gick inte att skriva ut.</translation>
    </message>
    <message>
        <source>code-slips.pdf</source>
        <translation>kodlappar.pdf</translation>
    </message>
    <message>
        <source>Save the slips as a PDF</source>
        <translation>Spara lapparna som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The slips are saved in %1.</source>
        <translation>Lapparna är sparade i %1.</translation>
    </message>
    <message>
        <source>Make calling packs: %1</source>
        <translation>Gör ringpaket: %1</translation>
    </message>
    <message>
        <source>A calling pack is a file with people for one volunteer to call on their own computer, without a server. Each volunteer gets their own pack and code. Only people who have not been called yet go into packs, and they leave the queue here until the pack is returned or taken back.</source>
        <translation>Ett ringpaket är en fil med personer som en ringare ringer från sin egen dator, utan server. Varje ringare får ett eget paket och en egen kod. Bara personer som inte har blivit uppringda än kommer med, och de lämnar kön här tills paketet kommer tillbaka eller tas tillbaka.</translation>
    </message>
    <message>
        <source>Target &amp;group:</source>
        <translation>&amp;Målgrupp:</translation>
    </message>
    <message>
        <source>&amp;Evening:</source>
        <translation>&amp;Kväll:</translation>
    </message>
    <message>
        <source>&amp;Volunteers:</source>
        <translation>&amp;Ringare:</translation>
    </message>
    <message>
        <source>Tick the volunteers who get a pack (Space ticks), or type a new name below.</source>
        <translation>Kryssa för ringarna som ska få ett paket (mellanslag kryssar), eller skriv ett nytt namn nedanför.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <source>&amp;People per pack:</source>
        <translation>&amp;Personer per paket:</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>Sista &amp;dag:</translation>
    </message>
    <message>
        <source>Save &amp;in folder:</source>
        <translation>&amp;Spara i mappen:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>&amp;Make the packs</source>
        <translation>&amp;Gör paketen</translation>
    </message>
    <message>
        <source>The packs are made</source>
        <translation>Ringpaketen är klara</translation>
    </message>
    <message>
        <source>Give each volunteer their file (on a USB stick or by e-mail) and, separately, its code: in person, by phone or on the printed slip. Never send the code in the same e-mail as the file.</source>
        <translation>Ge varje ringare sin fil (på ett USB-minne eller med e-post) och koden för sig: personligen, per telefon eller på den utskrivna lappen. Skicka aldrig koden i samma e-post som filen.</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Ringare</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>&amp;Print the slips…</source>
        <translation>Skriv &amp;ut lapparna…</translation>
    </message>
    <message>
        <source>Save the slips as P&amp;DF…</source>
        <translation>Spara lapparna som P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
</context>
<context>
    <name>PacksPage</name>
    <message>
        <source>Calling packs: %1</source>
        <translation>Ringpaket: %1</translation>
    </message>
    <message>
        <source>Packs let volunteers call from their own computers without a server. Take a pack back when its volunteer cannot call: the people not yet called return to the queue, and results that come in later are still received.</source>
        <translation>Med ringpaket kan ringarna ringa från sina egna datorer utan server. Ta tillbaka ett paket när ringaren inte kan ringa: de som inte har blivit uppringda går tillbaka till kön, och resultat som kommer in senare tas ändå emot.</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Ringare</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Uppringda</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gjort</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Inlämnat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>No calling packs yet. Make some with “Make calling packs…”.</source>
        <translation>Inga ringpaket än. Gör några med ”Gör ringpaket…”.</translation>
    </message>
    <message>
        <source>&amp;Make calling packs…</source>
        <translation>&amp;Gör ringpaket…</translation>
    </message>
    <message>
        <source>Recei&amp;ve results…</source>
        <translation>Ta e&amp;mot resultat…</translation>
    </message>
    <message>
        <source>&amp;Take back the pack</source>
        <translation>Ta &amp;tillbaka paketet</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Till&amp;baka</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Utlämnat</translation>
    </message>
    <message>
        <source>Last day passed</source>
        <translation>Sista dagen har varit</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>Taget tillbaka</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Take back the pack</source>
        <translation>Ta tillbaka paketet</translation>
    </message>
    <message>
        <source>Take back %1&apos;s pack? The %2 people in it who have not been called go back to the queue here. If %1 calls from it anyway, those calls are still received, marked for you to check.</source>
        <translation>Ta tillbaka ringpaketet från %1? De %2 personer i det som inte har blivit uppringda går tillbaka till kön här. Om %1 ändå ringer från det tas samtalen emot, markerade så att du kan kontrollera dem.</translation>
    </message>
    <message>
        <source>The pack is taken back: %1 people are in the queue again.</source>
        <translation>Paketet är taget tillbaka: %1 personer står i kön igen.</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Needs changes</source>
        <translation>Behöver ändras</translation>
    </message>
    <message>
        <source>%1 conversations, %2 new members</source>
        <translation>%1 samtal, %2 nya medlemmar</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personer</translation>
    </message>
    <message>
        <source>Target groups:</source>
        <translation>Målgrupper:</translation>
    </message>
    <message>
        <source>Calling evenings:</source>
        <translation>Ringkvällar:</translation>
    </message>
    <message>
        <source>%1 signed up</source>
        <translation>%1 anmälda</translation>
    </message>
    <message>
        <source>Campaign period:</source>
        <translation>Kampanjperiod:</translation>
    </message>
    <message>
        <source>Local issue:</source>
        <translation>Lokal fråga:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Budskap:</translation>
    </message>
    <message>
        <source>Digital meeting:</source>
        <translation>Digitalt möte:</translation>
    </message>
    <message>
        <source>Goals:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <source>none planned yet</source>
        <translation>inga planerade än</translation>
    </message>
    <message>
        <source>Local plans from the associations</source>
        <translation>Föreningarnas lokala planer</translation>
    </message>
    <message>
        <source>Read the plans the associations sent, nearest deadline first. Choose a plan, set its status and a comment, save, and write the answer to send back.</source>
        <translation>Läs in planerna som föreningarna skickat. Den som ska vara klar först står överst. Välj en plan, sätt status och skriv en kommentar, spara, och skriv svaret som ska skickas tillbaka.</translation>
    </message>
    <message>
        <source>Read &amp;plans…</source>
        <translation>&amp;Läs in planer…</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>Sista &amp;dag:</translation>
    </message>
    <message>
        <source>Sa&amp;ve the review</source>
        <translation>Spara &amp;granskningen</translation>
    </message>
    <message>
        <source>&amp;Write the answer…</source>
        <translation>Skriv s&amp;varet…</translation>
    </message>
    <message>
        <source>Bac&amp;k</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Förening</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanj</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>No plans yet. Press Read plans to add the files the associations sent.</source>
        <translation>Inga planer än. Tryck på Läs in planer för att lägga till filerna som föreningarna skickat.</translation>
    </message>
    <message>
        <source>Read local plans</source>
        <translation>Läs in lokala planer</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-filer (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) read.</source>
        <translation>
            <numerusform>%n plan inläst.</numerusform>
            <numerusform>%n planer inlästa.</numerusform>
        </translation>
    </message>
    <message>
        <source>The review of %1 is saved. Write the answer to send it back.</source>
        <translation>Granskningen av %1 är sparad. Skriv svaret för att skicka tillbaka det.</translation>
    </message>
    <message>
        <source>Write the answer</source>
        <translation>Skriv svaret</translation>
    </message>
    <message>
        <source>The answer is written to %1.</source>
        <translation>Svaret är sparat i %1.</translation>
    </message>
    <message>
        <source>Local plan</source>
        <translation>Lokal plan</translation>
    </message>
    <message>
        <source>Choose a campaign on the start page first.</source>
        <translation>Välj först en kampanj på startsidan.</translation>
    </message>
    <message>
        <source>Export the local plan</source>
        <translation>Exportera lokal plan</translation>
    </message>
    <message>
        <source>The local plan is written to %1. Send it to the district.</source>
        <translation>Den lokala planen är sparad i %1. Skicka den till distriktet.</translation>
    </message>
    <message>
        <source>Read the district&apos;s answer</source>
        <translation>Läs in distriktets svar</translation>
    </message>
    <message>
        <source>The district&apos;s answer on the local plan: %1 (reviewed %2).</source>
        <translation>Distriktets svar på den lokala planen: %1 (granskad %2).</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <source>The district&apos;s answer</source>
        <translation>Distriktets svar</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>(not chosen yet)</source>
        <translation>(inte vald än)</translation>
    </message>
    <message>
        <source>Consent (art. 6.1 a and 9.2 a)</source>
        <translation>Samtycke (art. 6.1 a och 9.2 a)</translation>
    </message>
    <message>
        <source>Legitimate interest (art. 6.1 f)</source>
        <translation>Berättigat intresse (art. 6.1 f)</translation>
    </message>
    <message>
        <source>A political association&apos;s members and regular contacts (art. 6.1 f and 9.2 d)</source>
        <translation>En politisk förenings medlemmar och regelbundna kontakter (art. 6.1 f och 9.2 d)</translation>
    </message>
    <message>
        <source>Record of processing: %1</source>
        <translation>Register över behandling: %1</translation>
    </message>
    <message>
        <source>The GDPR asks the association to keep a record of how it uses personal data. Fill in what Ringkväll cannot know; the rest comes from the campaign.</source>
        <translation>Enligt dataskyddsförordningen ska föreningen föra ett register över hur den använder personuppgifter. Fyll i det som Ringkväll inte kan veta; resten hämtas från kampanjen.</translation>
    </message>
    <message>
        <source>&amp;Controller (the association):</source>
        <translation>&amp;Personuppgiftsansvarig (föreningen):</translation>
    </message>
    <message>
        <source>Co&amp;ntact for data protection:</source>
        <translation>&amp;Kontaktperson för dataskydd:</translation>
    </message>
    <message>
        <source>Pur&amp;pose:</source>
        <translation>Än&amp;damål:</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Rättslig grund:</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>&amp;Mottagare:</translation>
    </message>
    <message>
        <source>Security &amp;measures:</source>
        <translation>Säker&amp;hetsåtgärder:</translation>
    </message>
    <message>
        <source>Other n&amp;otes:</source>
        <translation>Ö&amp;vrigt:</translation>
    </message>
    <message>
        <source>Lan&amp;guage of the PDF:</source>
        <translation>Spr&amp;åk i PDF-filen:</translation>
    </message>
    <message>
        <source>Filled in from the campaign: the target groups, the kinds of data (the lists&apos; columns and the script&apos;s questions) and the date the personal data is deleted.</source>
        <translation>Hämtas från kampanjen: målgrupperna, vilka sorters uppgifter (listornas kolumner och manusets frågor) och dagen då personuppgifterna raderas.</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save and &amp;write a PDF…</source>
        <translation>Spara och skriv &amp;ut en PDF…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Print the report</source>
        <translation>Skriv ut rapporten</translation>
    </message>
    <message>
        <source>The results of “%1” on one page: key figures, target groups, evening by evening and the answers. Figures only, with no names or numbers, so it can be handed out at a meeting.</source>
        <translation>Resultaten för ”%1” på en sida: nyckeltal, målgrupper, kväll för kväll och svaren. Bara siffror, utan namn eller nummer, så att den kan delas ut på ett möte.</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Spara som:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>PDF file to save</source>
        <translation>PDF-fil att spara</translation>
    </message>
    <message>
        <source>Save P&amp;DF</source>
        <translation>Spara P&amp;DF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Spara rapporten</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Drawing the report…</source>
        <translation>Ritar rapporten…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Välj en kampanj först.</translation>
    </message>
    <message>
        <source>The report was sent to the printer</source>
        <translation>Rapporten har skickats till skrivaren</translation>
    </message>
    <message>
        <source>Saved the report %1</source>
        <translation>Rapporten sparades som %1</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to the association&apos;s server</source>
        <translation>Anslut till föreningens server</translation>
    </message>
    <message>
        <source>Ask the organiser for these details. Your calls are then saved on the association&apos;s shared database, and the team sees them at once.</source>
        <translation>Fråga organisatören efter uppgifterna. Dina samtal sparas då i föreningens gemensamma databas, och laget ser dem direkt.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Värd:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Databas:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>e.g. server.example.org</source>
        <translation>t.ex. server.exempel.se</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>&amp;Kom ihåg lösenordet på den här datorn</translation>
    </message>
    <message>
        <source>Over the network the connection is always encrypted (TLS). Only a server on this computer (localhost) is reached without encryption.</source>
        <translation>Över nätverket är anslutningen alltid krypterad (TLS). Bara en server på den här datorn (localhost) nås utan kryptering.</translation>
    </message>
    <message>
        <source>The password is not remembered on this computer: it has no keyring to keep it safe. Enter it each time you connect.</source>
        <translation>Lösenordet sparas inte på den här datorn: den saknar en nyckelring som förvarar det säkert. Skriv det varje gång du ansluter.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>A&amp;nslut</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
</context>
<context>
    <name>SignupDialog</name>
    <message>
        <source>Sign up for the evening</source>
        <translation>Anmälan till ringkvällen</translation>
    </message>
    <message>
        <source>&amp;Volunteer&apos;s name (pick or type a new one):</source>
        <translation>&amp;Namn på den som kommer (välj eller skriv ett nytt):</translation>
    </message>
    <message>
        <source>Volunteer&apos;s name</source>
        <translation>Namn på den som kommer</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Database address {value} is not a valid URL</source>
        <translation>Databasadressen {value} är ingen giltig adress</translation>
    </message>
    <message>
        <source>Database address {value}: unknown scheme &apos;{scheme}&apos; (use a file path, sqlite:/// or postgresql://)</source>
        <translation>Databasadressen {value}: okänd typ &apos;{scheme}&apos; (ange en filsökväg, sqlite:/// eller postgresql://)</translation>
    </message>
    <message>
        <source>Database {path} is a folder, not a file</source>
        <translation>Databasen {path} är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>Database {path}: cannot create the file ({reason})</source>
        <translation>Databasen {path}: kan inte skapa filen ({reason})</translation>
    </message>
    <message>
        <source>Database {path} cannot be read ({reason})</source>
        <translation>Databasen {path} går inte att läsa ({reason})</translation>
    </message>
    <message>
        <source>Database {path} is not a Ringkväll database (not SQLite)</source>
        <translation>Databasen {path} är ingen Ringkväll-databas (inte SQLite)</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>filen eller dess mapp är skrivskyddad</translation>
    </message>
    <message>
        <source>the disk cannot be read or written (disk I/O error)</source>
        <translation>disken går inte att läsa eller skriva (in/ut-fel på disken)</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>filen är skadad</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disken är full</translation>
    </message>
    <message>
        <source>the file is not a Ringkväll database</source>
        <translation>filen är ingen Ringkväll-databas</translation>
    </message>
    <message>
        <source>Database {db}: {reason}</source>
        <translation>Databasen {db}: {reason}</translation>
    </message>
    <message>
        <source>Database {db} cannot be opened: {reason}</source>
        <translation>Databasen {db} går inte att öppna: {reason}</translation>
    </message>
    <message>
        <source>Database {db} has an unknown schema {revision}</source>
        <translation>Databasen {db} har ett okänt schema {revision}</translation>
    </message>
    <message>
        <source>Database {db} was made by a newer Ringkväll (schema {revision}); update Ringkväll to open it</source>
        <translation>Databasen {db} är skapad av en nyare Ringkväll (schema {revision}); uppdatera Ringkväll för att öppna den</translation>
    </message>
    <message>
        <source>Database {db} holds tables that are not Ringkväll&apos;s</source>
        <translation>Databasen {db} innehåller tabeller som inte är Ringkvälls</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>inget nummer</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>inget telefonnummer</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>ogiltigt nummer</translation>
    </message>
    <message>
        <source>not a personal number (premium, toll-free or shared)</source>
        <translation>inget personligt nummer (betalnummer, gratisnummer eller delad kostnad)</translation>
    </message>
    <message>
        <source>No campaign named &apos;{name}&apos; (campaigns: {names})</source>
        <translation>Det finns ingen kampanj som heter &apos;{name}&apos; (kampanjer: {names})</translation>
    </message>
    <message>
        <source>A campaign needs a name</source>
        <translation>En kampanj måste ha ett namn</translation>
    </message>
    <message>
        <source>Campaign &apos;{campaign}&apos; has no target group named &apos;{name}&apos;</source>
        <translation>Kampanjen &apos;{campaign}&apos; har ingen målgrupp som heter &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>A target group needs a name</source>
        <translation>En målgrupp måste ha ett namn</translation>
    </message>
    <message>
        <source>There is already a campaign named &apos;{name}&apos;</source>
        <translation>Det finns redan en kampanj som heter &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>The campaign ends before it starts</source>
        <translation>Kampanjen slutar innan den börjar</translation>
    </message>
    <message>
        <source>Attempts per contact must be 1 to 20</source>
        <translation>Försök per kontakt måste vara 1 till 20</translation>
    </message>
    <message>
        <source>The wait before a retry must be 0 to 14 days</source>
        <translation>Väntetiden före ett nytt försök måste vara 0 till 14 dagar</translation>
    </message>
    <message>
        <source>A goal cannot be negative</source>
        <translation>Ett mål kan inte vara negativt</translation>
    </message>
    <message>
        <source>Please enter your name</source>
        <translation>Skriv ditt namn</translation>
    </message>
    <message>
        <source>A pack needs at least one person</source>
        <translation>Ett ringpaket behöver minst en person</translation>
    </message>
    <message>
        <source>The pack code is empty</source>
        <translation>Paketkoden är tom</translation>
    </message>
    <message>
        <source>Campaign &apos;{campaign}&apos; has nobody left who has not been called</source>
        <translation>Kampanjen &apos;{campaign}&apos; har ingen kvar som inte har ringts</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Textstorlek</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>Standardregion för telefonnummer</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Förening</translation>
    </message>
    <message>
        <source>Minutes a contact stays reserved</source>
        <translation>Minuter som en kontakt hålls reserverad</translation>
    </message>
    <message>
        <source>Practice campaign offered</source>
        <translation>Övningskampanj erbjuden</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Serverns värd</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Serverns port</translation>
    </message>
    <message>
        <source>Server database</source>
        <translation>Serverns databas</translation>
    </message>
    <message>
        <source>Server user name</source>
        <translation>Användarnamn på servern</translation>
    </message>
    <message>
        <source>Where newer versions are found</source>
        <translation>Var nyare versioner finns</translation>
    </message>
    <message>
        <source>Look for newer versions over the internet</source>
        <translation>Leta efter nyare versioner på internet</translation>
    </message>
    <message>
        <source>&apos;{number}&apos; is not a phone number ({reason})</source>
        <translation>&apos;{number}&apos; är inget telefonnummer ({reason})</translation>
    </message>
    <message>
        <source>The database is busy: another Ringkväll is saving. Try again in a moment.</source>
        <translation>Databasen är upptagen: en annan Ringkväll sparar just nu. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>Ringkväll cannot read or save the database {db}: {problem}</source>
        <translation>Ringkväll kan inte läsa eller spara i databasen {db}: {problem}</translation>
    </message>
    <message>
        <source>The server does not allow your login {user} to do this ({what}); ask an organiser</source>
        <translation>Servern tillåter inte din inloggning {user} att göra detta ({what}); fråga en organisatör</translation>
    </message>
    <message>
        <source>The server does not allow your login to do this ({what}); ask an organiser</source>
        <translation>Servern tillåter inte din inloggning att göra detta ({what}); fråga en organisatör</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>behörighet saknas</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>namnet är för långt</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>en del av sökvägen är en fil, inte en mapp</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>det är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>Ringkväll cannot read or write a file: {problem}</source>
        <translation>Ringkväll kan inte läsa eller skriva en fil: {problem}</translation>
    </message>
    <message>
        <source>Ringkväll cannot read or write {path}: {problem}</source>
        <translation>Ringkväll kan inte läsa eller skriva {path}: {problem}</translation>
    </message>
    <message>
        <source>Database {db} is damaged: it records {count} schema versions ({revisions}) where there is one</source>
        <translation>Databasen {db} är skadad: den anger {count} schemaversioner ({revisions}) där det ska finnas en</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>mappen finns inte</translation>
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation>filen används av ett annat program</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}</source>
        <translation>Kan inte skriva {path}: {problem}</translation>
    </message>
    <message>
        <source>{path} already exists; add --force to replace it</source>
        <translation>{path} finns redan; lägg till --force för att ersätta den</translation>
    </message>
    <message>
        <source>{path} is both read and written; choose another name for the output file</source>
        <translation>{path} både läses och skrivs; välj ett annat namn på filen som ska skrivas</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file; choose another name</source>
        <translation>{path} är ingen vanlig fil; välj ett annat namn</translation>
    </message>
    <message>
        <source>{path} is read-only; Ringkväll will not replace it</source>
        <translation>{path} är skrivskyddad; Ringkväll ersätter den inte</translation>
    </message>
    <message>
        <source>{path} is open in another program; close it there first</source>
        <translation>{path} är öppen i ett annat program; stäng den där först</translation>
    </message>
    <message>
        <source>{path} is part of the database {db}; choose another name for the output file</source>
        <translation>{path} hör till databasen {db}; välj ett annat namn på filen som ska skrivas</translation>
    </message>
    <message>
        <source>{path} is a backup of the database {db}; choose another name for the output file</source>
        <translation>{path} är en säkerhetskopia av databasen {db}; välj ett annat namn på filen som ska skrivas</translation>
    </message>
    <message>
        <source>--db must name the association&apos;s PostgreSQL server (postgresql://USER@HOST/DATABASE), not {db}</source>
        <translation>--db måste ange föreningens PostgreSQL-server (postgresql://ANVÄNDARE@VÄRD/DATABAS), inte {db}</translation>
    </message>
    <message>
        <source>The connection to the server {server} was lost and Ringkväll could not reconnect, although it tried again for a while. Check the network (Wi-Fi), then try again.</source>
        <translation>Anslutningen till servern {server} bröts och Ringkväll kunde inte ansluta igen, fast det försökte en stund. Kontrollera nätverket (wifi) och försök sedan igen.</translation>
    </message>
    <message>
        <source>The connection to the server was lost and Ringkväll could not reconnect, although it tried again for a while. Check the network (Wi-Fi), then try again.</source>
        <translation>Anslutningen till servern bröts och Ringkväll kunde inte ansluta igen, fast det försökte en stund. Kontrollera nätverket (wifi) och försök sedan igen.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address (host)</source>
        <translation>Ange serverns namn eller adress (värd)</translation>
    </message>
    <message>
        <source>The host {host} is not a server name or address: it may not contain spaces or any of / \ @ ? #</source>
        <translation>Värden {host} är inget servernamn eller adress: den får inte innehålla mellanslag eller något av / \ @ ? #</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535</source>
        <translation>Porten måste vara ett tal från 1 till 65535</translation>
    </message>
    <message>
        <source>Enter the name of the association&apos;s database</source>
        <translation>Ange namnet på föreningens databas</translation>
    </message>
    <message>
        <source>The database name is too long (at most 63 letters)</source>
        <translation>Databasens namn är för långt (högst 63 tecken)</translation>
    </message>
    <message>
        <source>Enter your user name</source>
        <translation>Ange ditt användarnamn</translation>
    </message>
    <message>
        <source>The user name is too long (at most 63 letters)</source>
        <translation>Användarnamnet är för långt (högst 63 tecken)</translation>
    </message>
    <message>
        <source>The server {server} does not offer an encrypted connection (TLS). Ringkväll needs one over the network; ask whoever runs the server to turn TLS on</source>
        <translation>Servern {server} erbjuder ingen krypterad anslutning (TLS). Ringkväll kräver det över nätverket; be den som sköter servern att slå på TLS</translation>
    </message>
    <message>
        <source>The server {server} has no database named {database}</source>
        <translation>Servern {server} har ingen databas som heter {database}</translation>
    </message>
    <message>
        <source>The server {server} did not accept the user name {user} with this password</source>
        <translation>Servern {server} godtog inte användarnamnet {user} med det här lösenordet</translation>
    </message>
    <message>
        <source>Ringkväll cannot reach the server {server}: check the host and the port, and that this computer is online</source>
        <translation>Ringkväll når inte servern {server}: kontrollera värd och port, och att datorn är uppkopplad</translation>
    </message>
    <message>
        <source>Ringkväll cannot connect to the server {server}: {reason}</source>
        <translation>Ringkväll kan inte ansluta till servern {server}: {reason}</translation>
    </message>
    <message>
        <source>{db} is not a PostgreSQL server; roles exist only on a server</source>
        <translation>{db} är ingen PostgreSQL-server; roller finns bara på en server</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot name a login: use letters or digits</source>
        <translation>&apos;{name}&apos; kan inte bli namnet på en inloggning: använd bokstäver eller siffror</translation>
    </message>
    <message>
        <source>Login {user} cannot manage the roles of {db} ({what}): use the database owner&apos;s login, which may create roles</source>
        <translation>Inloggningen {user} kan inte hantera rollerna i {db} ({what}): använd databasägarens inloggning, som får skapa roller</translation>
    </message>
    <message>
        <source>The server has no role {role} yet; run &apos;ringkvall server setup&apos; first</source>
        <translation>Servern har ingen roll {role} ännu; kör &apos;ringkvall server setup&apos; först</translation>
    </message>
    <message>
        <source>There is already a login {user}; add --reset to give it a new password</source>
        <translation>Det finns redan en inloggning {user}; lägg till --reset för att ge den ett nytt lösenord</translation>
    </message>
    <message>
        <source>The role {user} exists but is not in {group}; choose another name</source>
        <translation>Rollen {user} finns men ingår inte i {group}; välj ett annat namn</translation>
    </message>
    <message>
        <source>This database driver cannot hash passwords</source>
        <translation>Den här databasdrivrutinen kan inte hasha lösenord</translation>
    </message>
    <message>
        <source>Ringkväll uploads only to a PostgreSQL server, not to {db}</source>
        <translation>Ringkväll laddar bara upp till en PostgreSQL-server, inte till {db}</translation>
    </message>
    <message>
        <source>Campaign {name} is already on the server {db}: nothing was uploaded</source>
        <translation>Kampanjen {name} finns redan på servern {db}: inget laddades upp</translation>
    </message>
    <message>
        <source>Nothing was uploaded: the server refused a row of {table} from {path} ({reason})</source>
        <translation>Inget laddades upp: servern vägrade ta emot en rad i {table} från {path} ({reason})</translation>
    </message>
    <message>
        <source>File {path} does not exist</source>
        <translation>Filen {path} finns inte</translation>
    </message>
    <message>
        <source>File {path} cannot be read: {reason}</source>
        <translation>Filen {path} kan inte läsas: {reason}</translation>
    </message>
    <message>
        <source>File {path} is a SQLite file but not a Ringkväll database</source>
        <translation>Filen {path} är en SQLite-fil men ingen Ringkväll-databas</translation>
    </message>
    <message>
        <source>Campaign {name} is not in {path}</source>
        <translation>Kampanjen {name} finns inte i {path}</translation>
    </message>
    <message>
        <source>{path} holds only the practice campaign; name it with --campaign to upload it</source>
        <translation>{path} innehåller bara övningskampanjen; ange den med --campaign för att ladda upp den</translation>
    </message>
    <message>
        <source>{path} holds no campaign to upload</source>
        <translation>{path} innehåller ingen kampanj att ladda upp</translation>
    </message>
    <message>
        <source>Nothing was uploaded: a row of {table} in {path} refers to a row of {parent} that is not in the file</source>
        <translation>Inget laddades upp: en rad i {table} i {path} hänvisar till en rad i {parent} som inte finns i filen</translation>
    </message>
    <message>
        <source>The text &apos;{start}…&apos; is too long: at most {length} characters fit ({count} given)</source>
        <translation>Texten &apos;{start}…&apos; är för lång: högst {length} tecken får plats ({count} angivna)</translation>
    </message>
    <message>
        <source>Give the pack code with --code or ${env}</source>
        <translation>Ange paketkoden med --code eller ${env}</translation>
    </message>
    <message>
        <source>{file} is not a Ringkväll calling pack</source>
        <translation>{file} är inget ringpaket från Ringkväll</translation>
    </message>
    <message>
        <source>{file} was made by a newer Ringkväll; update Ringkväll to open it</source>
        <translation>{file} gjordes av en nyare Ringkväll; uppdatera Ringkväll för att öppna den</translation>
    </message>
    <message>
        <source>{file} is damaged</source>
        <translation>{file} är skadad</translation>
    </message>
    <message>
        <source>Cannot open {file}: the code is wrong or the file is damaged</source>
        <translation>Kan inte öppna {file}: koden är fel eller filen är skadad</translation>
    </message>
    <message>
        <source>{file} was made by a newer Ringkväll (schema {revision}); update Ringkväll to open it</source>
        <translation>{file} gjordes av en nyare Ringkväll (schema {revision}); uppdatera Ringkväll för att öppna den</translation>
    </message>
    <message>
        <source>There is no file {file}</source>
        <translation>Filen {file} finns inte</translation>
    </message>
    <message>
        <source>{file} holds a volunteer&apos;s results; merge it on the organiser&apos;s computer</source>
        <translation>{file} innehåller en ringares resultat; ta emot den på organisatörens dator</translation>
    </message>
    <message>
        <source>The results cannot be written over the pack {file} itself; choose another file name</source>
        <translation>Resultaten kan inte sparas över själva ringpaketet {file}; välj ett annat filnamn</translation>
    </message>
    <message>
        <source>Pack {file} has not been opened on this computer</source>
        <translation>Ringpaketet {file} har inte öppnats på den här datorn</translation>
    </message>
    <message>
        <source>There is no pack with id {id}</source>
        <translation>Det finns inget ringpaket med id {id}</translation>
    </message>
    <message>
        <source>{file} belongs to a pack this database did not make (another campaign or another organiser&apos;s database)</source>
        <translation>{file} hör till ett ringpaket som den här databasen inte har gjort (en annan kampanj eller en annan organisatörs databas)</translation>
    </message>
    <message>
        <source>{file} is a pack, not a volunteer&apos;s results; the volunteer returns it with &apos;Lämna tillbaka&apos;</source>
        <translation>{file} är ett ringpaket, inte en ringares resultat; ringaren lämnar resultaten med &apos;Lämna tillbaka&apos;</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>&apos;{text}&apos; är inget datum (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
        <source>Call {id} is no longer in the database</source>
        <translation>Samtal {id} finns inte längre i databasen</translation>
    </message>
    <message>
        <source>{name} corrected this call while you had it open; open it again to see the new version</source>
        <translation>{name} rättade samtalet medan du hade det öppet. Öppna det igen för att se den nya versionen</translation>
    </message>
    <message>
        <source>The call is as it was: nothing to save</source>
        <translation>Samtalet är som det var: inget att spara</translation>
    </message>
    <message>
        <source>This campaign counts answers without a name, so a call&apos;s answers cannot be corrected; correct the outcome or the notes</source>
        <translation>Den här kampanjen räknar svaren utan namn, så ett samtals svar kan inte rättas. Rätta utfallet eller anteckningarna</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date like 2026-12-03</source>
        <translation>&apos;{text}&apos; är inte ett datum som 2026-12-03</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a time like 18:30</source>
        <translation>&apos;{text}&apos; är inte en tid som 18:30</translation>
    </message>
    <message>
        <source>The link &apos;{link}&apos; is not a web address starting with https:// or http://</source>
        <translation>Länken &apos;{link}&apos; är ingen webbadress som börjar med https:// eller http://</translation>
    </message>
    <message>
        <source>The evening ends ({end}) before it starts ({start})</source>
        <translation>Kvällen slutar ({end}) innan den börjar ({start})</translation>
    </message>
    <message>
        <source>A goal for the evening must be a number from 0 to {max} ({goal} given)</source>
        <translation>Ett mål för kvällen ska vara ett tal från 0 till {max} ({goal} angavs)</translation>
    </message>
    <message>
        <source>There is no campaign with id {id}</source>
        <translation>Det finns ingen kampanj med id {id}</translation>
    </message>
    <message>
        <source>There is no calling evening with id {id}</source>
        <translation>Det finns ingen ringkväll med id {id}</translation>
    </message>
    <message>
        <source>There is no volunteer named &apos;{name}&apos; (volunteers: {names})</source>
        <translation>Det finns ingen frivillig som heter &apos;{name}&apos; (frivilliga: {names})</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not an inbox item (they look like f12, c34, w34, m34 or x34)</source>
        <translation>&apos;{id}&apos; är ingen sak i inkorgen (de ser ut som f12, c34, w34, m34 eller x34)</translation>
    </message>
    <message>
        <source>Unknown kind &apos;{kind}&apos; (kinds: {kinds})</source>
        <translation>Okänd sort &apos;{kind}&apos; (sorter: {kinds})</translation>
    </message>
    <message>
        <source>There is no inbox item &apos;{id}&apos;</source>
        <translation>Det finns ingen sak &apos;{id}&apos; i inkorgen</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: filen finns inte</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx)</source>
        <translation>{file} är ingen Excel-fil (.xlsx)</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be read</source>
        <translation>{file} är skadad och går inte att läsa</translation>
    </message>
    <message>
        <source>{file} is the district&apos;s answer, not a local plan</source>
        <translation>{file} är distriktets svar, inte en lokal plan</translation>
    </message>
    <message>
        <source>{file} is a local plan, not the district&apos;s answer</source>
        <translation>{file} är en lokal plan, inte distriktets svar</translation>
    </message>
    <message>
        <source>{file} is not a local plan from Ringkväll</source>
        <translation>{file} är ingen lokal plan från Ringkväll</translation>
    </message>
    <message>
        <source>{file} is not an answer from the district&apos;s Ringkväll</source>
        <translation>{file} är inget svar från distriktets Ringkväll</translation>
    </message>
    <message>
        <source>{file} has format version {version}; this Ringkväll reads version {supported}</source>
        <translation>{file} har formatversion {version}. Den här Ringkväll läser version {supported}</translation>
    </message>
    <message>
        <source>There is no campaign &apos;{name}&apos;</source>
        <translation>Det finns ingen kampanj &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{file} answers a plan this database did not export (campaign &apos;{campaign}&apos; of {association})</source>
        <translation>{file} svarar på en plan som inte exporterades härifrån (kampanjen &apos;{campaign}&apos; i {association})</translation>
    </message>
    <message>
        <source>{file} is an older answer than the one already read in</source>
        <translation>{file} är ett äldre svar än det som redan är inläst</translation>
    </message>
    <message>
        <source>No plan files were given</source>
        <translation>Inga planfiler valdes</translation>
    </message>
    <message>
        <source>{file} and {other} are the same plan; give only one of them</source>
        <translation>{file} och {other} är samma plan. Välj bara en av dem</translation>
    </message>
    <message>
        <source>Unknown plan status &apos;{status}&apos; (use received, approved or needs-changes)</source>
        <translation>Okänd status för planen &apos;{status}&apos; (använd received, approved eller needs-changes)</translation>
    </message>
    <message>
        <source>There is no plan with id {id}</source>
        <translation>Det finns ingen plan med nummer {id}</translation>
    </message>
    <message>
        <source>Nobody with the number or id &apos;{query}&apos; is stored</source>
        <translation>Ingen med numret eller id:t &apos;{query}&apos; finns sparad</translation>
    </message>
    <message>
        <source>Campaign &apos;{name}&apos; has no date for deleting its personal data; confirm to delete it now</source>
        <translation>Kampanjen ”{name}” har inget datum för att radera personuppgifterna; bekräfta för att radera dem nu</translation>
    </message>
    <message>
        <source>Campaign &apos;{name}&apos; keeps its personal data until {date}; confirm to delete it now</source>
        <translation>Kampanjen ”{name}” sparar personuppgifterna till {date}; bekräfta för att radera dem nu</translation>
    </message>
    <message>
        <source>&apos;{basis}&apos; is not a legal basis Ringkväll knows</source>
        <translation>&apos;{basis}&apos; är ingen rättslig grund som Ringkväll känner till</translation>
    </message>
    <message>
        <source>Pack {id} holds {count} call(s) never returned to the organiser: return it first (&apos;ringkvall pack return&apos;), or delete it anyway with --force</source>
        <translation>Ringpaket {id} innehåller {count} samtal som aldrig lämnats tillbaka till organisatören: lämna tillbaka det först (&apos;ringkvall pack return&apos;), eller ta bort det ändå med --force</translation>
    </message>
    <message>
        <source>Pack {id} is not on this computer</source>
        <translation>Ringpaket {id} finns inte på den här datorn</translation>
    </message>
</context>
<context>
    <name>dnc</name>
    <message>
        <source>Asked during a call not to be called again</source>
        <translation>Bad under ett samtal att inte bli uppringd igen</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Tillagt för hand</translation>
    </message>
    <message>
        <source>From a do-not-call file</source>
        <translation>Från en spärrlistefil</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Ringkväll</source>
        <translation>Ringkväll</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>Ringkväll ran into an error it did not expect. Your saved calls are safe.
Please send the log file to whoever helps you with Ringkväll:
{path}</source>
        <translation>Ringkväll stötte på ett oväntat fel. Dina sparade samtal är kvar.
Skicka loggfilen till den som hjälper dig med Ringkväll:
{path}</translation>
    </message>
    <message>
        <source>The log file holds error details and technical information, never the names, numbers or answers of the people you call.</source>
        <translation>Loggfilen innehåller felbeskrivningar och teknisk information, aldrig namn, nummer eller svar från dem du ringer.</translation>
    </message>
</context>
<context>
    <name>laptop_packs</name>
    <message>
        <source>• %1 (%2), expired %3</source>
        <translation>• %1 (%2), gick ut %3</translation>
    </message>
    <message>
        <source>These calling packs are over. They hold names, numbers and what was said on the calls, which should not stay on this computer:
%1

Delete them from this computer now?</source>
        <translation>De här ringpaketen är avslutade. De innehåller namn, nummer och det som sades i samtalen, och det ska inte ligga kvar på datorn:
%1

Vill du ta bort dem från datorn nu?</translation>
    </message>
    <message>
        <source>Delete old calling packs</source>
        <translation>Ta bort gamla ringpaket</translation>
    </message>
    <message>
        <source>%1 call(s) in them were never handed back to the organiser and would be lost. Choose No, return the pack (File › Return the calling pack), and delete it at the next start.</source>
        <translation>%1 samtal i dem har aldrig lämnats tillbaka till organisatören och skulle gå förlorade. Välj Nej, lämna tillbaka paketet (Arkiv › Lämna tillbaka ringpaket) och ta bort det vid nästa start.</translation>
    </message>
</context>
<context>
    <name>packs</name>
    <message>
        <source>Calling packs (%1);;All files (*)</source>
        <translation>Ringpaket (%1);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Calling packs</source>
        <translation>Ringpaket</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Välj en kampanj först.</translation>
    </message>
    <message>
        <source>Open a calling pack</source>
        <translation>Öppna ringpaket</translation>
    </message>
    <message>
        <source>Type the code you got with the pack %1.</source>
        <translation>Skriv koden du fick till ringpaketet %1.</translation>
    </message>
    <message>
        <source>&amp;Open the pack</source>
        <translation>&amp;Öppna paketet</translation>
    </message>
    <message>
        <source>Calling pack for %1: %2 people, %3 calls so far</source>
        <translation>Ringpaket för %1: %2 personer, %3 samtal hittills</translation>
    </message>
    <message>
        <source>%1-results</source>
        <translation>%1-resultat</translation>
    </message>
    <message>
        <source>Return the calling pack</source>
        <translation>Lämna tillbaka ringpaket</translation>
    </message>
    <message>
        <source>No calling pack is open. Open one first with File › Open a calling pack…</source>
        <translation>Inget ringpaket är öppet. Öppna ett först med Arkiv › Öppna ringpaket…</translation>
    </message>
    <message>
        <source>Choose the calling pack you got</source>
        <translation>Välj ringpaketet du fick</translation>
    </message>
    <message>
        <source>Your calls so far are saved in a new file, locked with the same code. Give that file to the organiser. You can do this again later: each file holds all your calls.</source>
        <translation>Dina samtal hittills sparas i en ny fil, låst med samma kod. Ge den filen till organisatören. Du kan göra det här igen senare: varje fil innehåller alla dina samtal.</translation>
    </message>
    <message>
        <source>&amp;Save the results</source>
        <translation>Spara &amp;resultaten</translation>
    </message>
    <message>
        <source>Your call is saved in:
%2

Give this file to the organiser, on a USB stick or by e-mail.</source>
        <translation>Ditt samtal är sparat i:
%2

Ge den här filen till organisatören, på ett USB-minne eller med e-post.</translation>
    </message>
    <message>
        <source>Your %1 calls are saved in:
%2

Give this file to the organiser, on a USB stick or by e-mail.</source>
        <translation>Dina %1 samtal är sparade i:
%2

Ge den här filen till organisatören, på ett USB-minne eller med e-post.</translation>
    </message>
    <message>
        <source>%1 of your calls have not reached the organiser yet. Return the calling pack now?</source>
        <translation>%1 av dina samtal har inte nått organisatören än. Vill du lämna tillbaka ringpaketet nu?</translation>
    </message>
    <message>
        <source>Receive calling packs</source>
        <translation>Ta emot ringpaket</translation>
    </message>
    <message>
        <source>File %1 of %2: %3
Type the code of this volunteer&apos;s pack.</source>
        <translation>Fil %1 av %2: %3
Skriv koden till den här ringarens paket.</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Ta emot</translation>
    </message>
    <message>
        <source>%1: not received</source>
        <translation>%1: inte mottagen</translation>
    </message>
    <message>
        <source>%1: received before; nothing changed</source>
        <translation>%1: mottagen tidigare; inget ändrades</translation>
    </message>
    <message>
        <source>%1: %2 calls, %3 new members, %4 follow-ups, %5 do-not-calls</source>
        <translation>%1: %2 samtal, %3 nya medlemmar, %4 uppföljningar, %5 spärrade</translation>
    </message>
    <message>
        <source>the pack had been taken back</source>
        <translation>paketet hade tagits tillbaka</translation>
    </message>
    <message>
        <source>the pack&apos;s last day had passed</source>
        <translation>paketets sista dag hade varit</translation>
    </message>
    <message>
        <source>  %1 calls are marked for you to check: %2</source>
        <translation>  %1 samtal är markerade så att du kan kontrollera dem: %2</translation>
    </message>
    <message>
        <source>What came in:</source>
        <translation>Det här kom in:</translation>
    </message>
    <message>
        <source>On your computer: open Ringkväll, choose File › Open a calling pack…, pick the file and type the code. When you have finished calling, choose File › Return the calling pack… and give the results file to the organiser.</source>
        <translation>På din dator: öppna Ringkväll, välj Arkiv › Öppna ringpaket…, välj filen och skriv koden. När du har ringt klart väljer du Arkiv › Lämna tillbaka ringpaket… och ger resultatfilen till organisatören.</translation>
    </message>
    <message>
        <source>Calling pack for %1</source>
        <translation>Ringpaket för %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fil: %1</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Kod:</translation>
    </message>
    <message>
        <source>Keep this slip apart from the file: whoever has both can read the pack.</source>
        <translation>Förvara lappen skild från filen: den som har båda kan läsa paketet.</translation>
    </message>
    <message>
        <source>Code slips</source>
        <translation>Kodlappar</translation>
    </message>
    <message>
        <source>Print the code slips</source>
        <translation>Skriv ut kodlapparna</translation>
    </message>
</context>
<context>
    <name>purge</name>
    <message>
        <source>Delete personal data</source>
        <translation>Radera personuppgifter</translation>
    </message>
    <message>
        <source>Names, numbers, notes, free-text answers and member details are deleted for good. The figures and the do-not-call list stay.</source>
        <translation>Namn, nummer, anteckningar, fritextsvar och medlemsuppgifter raderas för gott. Siffrorna och spärrlistan finns kvar.</translation>
    </message>
    <message>
        <source>Delete the personal data in “%1” now?</source>
        <translation>Radera personuppgifterna i ”%1” nu?</translation>
    </message>
    <message>
        <source>The date for deleting the personal data has come for:
%1

Delete it now?</source>
        <translation>Datumet för att radera personuppgifterna har kommit för:
%1

Radera dem nu?</translation>
    </message>
</context>
<context>
    <name>retention</name>
    <message>
        <source>The personal data in “%1” was to be deleted on %2. Ringkväll offers to delete it when it starts; the figures stay.</source>
        <translation>Personuppgifterna i ”%1” skulle raderas %2. Ringkväll erbjuder sig att radera dem när programmet startar; siffrorna finns kvar.</translation>
    </message>
    <message>
        <source>The personal data in “%1” will be deleted on %2, in %n day(s). The figures stay; export what the district needs before then.</source>
        <translation>Personuppgifterna i ”%1” raderas %2 (dagar kvar: %n). Siffrorna finns kvar; exportera det distriktet behöver före dess.</translation>
    </message>
    <message>
        <source>The personal data in this campaign was deleted on %1; its figures stay.</source>
        <translation>Personuppgifterna i den här kampanjen raderades %1; siffrorna finns kvar.</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>welcome</name>
    <message>
        <source>Welcome to Ringkväll</source>
        <translation>Välkommen till Ringkväll</translation>
    </message>
    <message>
        <source>Welcome! Ringkväll opens a practice campaign with made-up people, so you can try calling before a real evening.

What is your name? The organiser sees it beside your calls.

If you get stuck, ask the evening&apos;s organiser, or open the Help menu.</source>
        <translation>Välkommen! Ringkväll öppnar en övningskampanj med påhittade personer, så att du kan prova att ringa före en riktig kväll.

Vad heter du? Organisatören ser namnet bredvid dina samtal.

Om du kör fast: fråga kvällens organisatör, eller öppna menyn Hjälp.</translation>
    </message>
</context>
</TS>
