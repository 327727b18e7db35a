<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>EffectsBox</name>
    <message>
        <source>Out&amp;come:</source>
        <translation>Resu&amp;ltat:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Follow-up promised:</source>
        <translation>Utlovad uppföl&amp;jning:</translation>
    </message>
    <message>
        <source>Follow-up promised</source>
        <translation>Utlovad uppföljning</translation>
    </message>
    <message>
        <source>e.g. Someone calls back about the issue</source>
        <translation>t.ex. Någon ringer upp om frågan</translation>
    </message>
    <message>
        <source>Signs up for the digital &amp;meeting</source>
        <translation>Anmäler sig till det digitala mötet</translation>
    </message>
    <message>
        <source>This step collects membership details and consent</source>
        <translation>Här samlas medlemsuppgifter o&amp;ch samtycke in</translation>
    </message>
</context>
<context>
    <name>OptionsBox</name>
    <message>
        <source>Answer options</source>
        <translation>Svarsalternativ</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>L&amp;ägg till alternativ</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Ta bort alternativ</translation>
    </message>
    <message>
        <source>Value (stored):</source>
        <translation>Värde (sparas):</translation>
    </message>
    <message>
        <source>Option value</source>
        <translation>Alternativets värde</translation>
    </message>
    <message>
        <source>Label (shown):</source>
        <translation>Text (visas):</translation>
    </message>
    <message>
        <source>Option label</source>
        <translation>Alternativets text</translation>
    </message>
    <message>
        <source>Then &amp;go to:</source>
        <translation>G&amp;å sedan till:</translation>
    </message>
    <message>
        <source>Step after this option</source>
        <translation>Steget efter det här alternativet</translation>
    </message>
    <message>
        <source>When this option is chosen</source>
        <translation>När det här alternativet väljs</translation>
    </message>
    <message>
        <source>(step&apos;s next)</source>
        <translation>(nästa steg)</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Alternativ %1</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>Förhandsvisning: %1</translation>
    </message>
    <message>
        <source>This is how callers will see the script. The person called is made up: %1.</source>
        <translation>Så här ser manuset ut för den som ringer. Personen du ringer är påhittad: %1.</translation>
    </message>
    <message>
        <source>Start &amp;over</source>
        <translation>Börja &amp;om</translation>
    </message>
    <message>
        <source>This is what the call would save:</source>
        <translation>Det här skulle sparas för samtalet:</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Resultat: %1</translation>
    </message>
    <message>
        <source>chosen by the caller</source>
        <translation>väljs av den som ringer</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>Uppföljning: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Signed up for the meeting: %1</source>
        <translation>Anmäld till mötet: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Membership details asked: %1</source>
        <translation>Frågat efter medlemsuppgifter: %1</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>Steps</source>
        <translation>Steg</translation>
    </message>
    <message>
        <source>A&amp;dd step</source>
        <translation>Lägg till ste&amp;g</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Upp</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Flytta upp steget</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Flytta ned steget</translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Steg</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Manus</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Nytt steg</translation>
    </message>
    <message>
        <source>No problems: the script can be used for calling.</source>
        <translation>Inga problem: manuset kan användas när ni ringer.</translation>
    </message>
    <message>
        <source>This step has a problem</source>
        <translation>Det här steget har ett problem</translation>
    </message>
</context>
<context>
    <name>ScriptFields</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Spr&amp;åk:</translation>
    </message>
    <message>
        <source>Descrip&amp;tion:</source>
        <translation>Beskrivning:</translation>
    </message>
    <message>
        <source>&amp;Consent text:</source>
        <translation>&amp;Samtyckestext:</translation>
    </message>
    <message>
        <source>Script name</source>
        <translation>Manusets namn</translation>
    </message>
    <message>
        <source>Script language</source>
        <translation>Manusets språk</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Consent text</source>
        <translation>Samtyckestext</translation>
    </message>
    <message>
        <source>Read aloud at the membership step and saved with each new member</source>
        <translation>Läses upp i medlemssteget och sparas med varje ny medlem</translation>
    </message>
</context>
<context>
    <name>ScriptsPage</name>
    <message>
        <source>← H&amp;ome</source>
        <translation>← S&amp;tart</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Tillbaka till startsidan</translation>
    </message>
    <message>
        <source>Conversation scripts: %1</source>
        <translation>Samtalsmanus: %1</translation>
    </message>
    <message>
        <source>Scripts and &amp;versions</source>
        <translation>&amp;Manus och versioner</translation>
    </message>
    <message>
        <source>Scripts and versions</source>
        <translation>Manus och versioner</translation>
    </message>
    <message>
        <source>&amp;Use for calling</source>
        <translation>Använd när &amp;vi ringer</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>Imp&amp;ortera…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>F&amp;örhandsvisa…</translation>
    </message>
    <message>
        <source>Save as ne&amp;w version</source>
        <translation>S&amp;para som ny version</translation>
    </message>
    <message>
        <source>version %1, %2</source>
        <translation>version %1, %2</translation>
    </message>
    <message>
        <source>used for calling</source>
        <translation>används när ni ringer</translation>
    </message>
    <message>
        <source>has problems</source>
        <translation>har problem</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ändringar som inte är sparade</translation>
    </message>
    <message>
        <source>You have changed this script without saving. Throw the changes away?</source>
        <translation>Du har ändrat manuset utan att spara. Vill du slänga ändringarna?</translation>
    </message>
    <message>
        <source>Fix the problems first, then preview.</source>
        <translation>Åtgärda problemen först, sedan kan du förhandsvisa.</translation>
    </message>
    <message>
        <source>Choose a script on the left.</source>
        <translation>Välj ett manus till vänster.</translation>
    </message>
    <message>
        <source>Changed. Saving makes a new version; calls already made keep the version they used.</source>
        <translation>Ändrat. När du sparar blir det en ny version. Samtal som redan är gjorda behåller sin version.</translation>
    </message>
    <message>
        <source>Version %1. Calls made with it keep it exactly as it is.</source>
        <translation>Version %1. Samtal som görs med den behåller den precis som den är.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the script cannot be used for calling until they are fixed.</source>
        <translation>
            <numerusform>%n problem: manuset kan inte användas för att ringa förrän det är åtgärdat.</numerusform>
            <numerusform>%n problem: manuset kan inte användas för att ringa förrän de är åtgärdade.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as version %1. Callers use it from now on.</source>
        <translation>Sparat som version %1. Den används när ni ringer från och med nu.</translation>
    </message>
    <message>
        <source>Saved as version %1. It has problems, so callers keep the script they had until you fix them.</source>
        <translation>Sparat som version %1. Den har problem, så ni ringer med det gamla manuset tills du har åtgärdat dem.</translation>
    </message>
    <message>
        <source>Import a script</source>
        <translation>Importera ett manus</translation>
    </message>
    <message>
        <source>Scripts (*.yaml *.yml);;All files (*)</source>
        <translation>Manus (*.yaml *.yml);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Imported as version %1. Callers use it from now on.</source>
        <translation>Importerat som version %1. Den används när ni ringer från och med nu.</translation>
    </message>
    <message>
        <source>Imported as version %1, but it has problems. Fix them and save a new version before calling with it.</source>
        <translation>Importerat som version %1, men det har problem. Åtgärda dem och spara en ny version innan ni ringer med det.</translation>
    </message>
    <message>
        <source>Export the script</source>
        <translation>Exportera manuset</translation>
    </message>
    <message>
        <source>Scripts (*.yaml *.yml)</source>
        <translation>Manus (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporterat till %1</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Step id:</source>
        <translation>Steg-id:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>R&amp;ubrik:</translation>
    </message>
    <message>
        <source>What the caller sa&amp;ys:</source>
        <translation>&amp;Det här säger du:</translation>
    </message>
    <message>
        <source>Hint for the caller:</source>
        <translation>Tips till den som ringer:</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>&amp;Nästa steg:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Fråga:</translation>
    </message>
    <message>
        <source>Answer &amp;key:</source>
        <translation>Svarsn&amp;yckel:</translation>
    </message>
    <message>
        <source>Step id</source>
        <translation>Steg-id</translation>
    </message>
    <message>
        <source>Step title</source>
        <translation>Stegets rubrik</translation>
    </message>
    <message>
        <source>What the caller says</source>
        <translation>Det här säger den som ringer</translation>
    </message>
    <message>
        <source>Hint for the caller</source>
        <translation>Tips till den som ringer</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>Question type</source>
        <translation>Typ av fråga</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>Svarsnyckel</translation>
    </message>
    <message>
        <source>Not read aloud</source>
        <translation>Läses inte upp</translation>
    </message>
    <message>
        <source>The name the answers are counted under in the results</source>
        <translation>Namnet som svaren räknas under i resultaten</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>When this step is reached</source>
        <translation>När samtalet når hit</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Alternativ %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Expected {what} (a mapping of fields)</source>
        <translation>Här ska det stå {what} (fält med namn och värde)</translation>
    </message>
    <message>
        <source>Unknown field &apos;{field}&apos; in {what} (allowed: {allowed})</source>
        <translation>Okänt fält &apos;{field}&apos; i {what} (tillåtna: {allowed})</translation>
    </message>
    <message>
        <source>Field &apos;{field}&apos; is given twice</source>
        <translation>Fältet &apos;{field}&apos; finns två gånger</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; is missing</source>
        <translation>Fältet &apos;{field}&apos; saknas</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; must be text</source>
        <translation>Fältet &apos;{field}&apos; ska vara text</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; must be true or false</source>
        <translation>Fältet &apos;{field}&apos; ska vara true eller false</translation>
    </message>
    <message>
        <source>Unknown outcome &apos;{outcome}&apos; (allowed: {allowed})</source>
        <translation>Okänt resultat &apos;{outcome}&apos; (tillåtna: {allowed})</translation>
    </message>
    <message>
        <source>a script</source>
        <translation>ett manus</translation>
    </message>
    <message>
        <source>The version must be a whole number from 1 up</source>
        <translation>Versionen ska vara ett heltal från 1 och uppåt</translation>
    </message>
    <message>
        <source>The script needs a list of steps</source>
        <translation>Manuset behöver en lista med steg</translation>
    </message>
    <message>
        <source>a step</source>
        <translation>ett steg</translation>
    </message>
    <message>
        <source>Step {n} has no id</source>
        <translation>Steg {n} har inget id</translation>
    </message>
    <message>
        <source>a question</source>
        <translation>en fråga</translation>
    </message>
    <message>
        <source>Unknown question kind &apos;{kind}&apos; (allowed: {allowed})</source>
        <translation>Okänd typ av fråga &apos;{kind}&apos; (tillåtna: {allowed})</translation>
    </message>
    <message>
        <source>The options must be a list</source>
        <translation>Svarsalternativen ska vara en lista</translation>
    </message>
    <message>
        <source>an option</source>
        <translation>ett svarsalternativ</translation>
    </message>
    <message>
        <source>Option &apos;{option}&apos; is given twice</source>
        <translation>Alternativet &apos;{option}&apos; finns två gånger</translation>
    </message>
    <message>
        <source>A text question has no options</source>
        <translation>En fritextfråga har inga svarsalternativ</translation>
    </message>
    <message>
        <source>A {kind} question takes only the options {allowed}, not &apos;{option}&apos;</source>
        <translation>En fråga av typen {kind} tar bara alternativen {allowed}, inte &apos;{option}&apos;</translation>
    </message>
    <message>
        <source>A {kind} question needs options</source>
        <translation>En fråga av typen {kind} behöver svarsalternativ</translation>
    </message>
    <message>
        <source>Not valid YAML: {reason}</source>
        <translation>Inte giltig YAML: {reason}</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>Filen är tom</translation>
    </message>
    <message>
        <source>Script {file} has errors:
{problems}</source>
        <translation>Manuset {file} har fel:
{problems}</translation>
    </message>
    <message>
        <source>Script file {path} cannot be read ({reason})</source>
        <translation>Det gick inte att läsa manusfilen {path} ({reason})</translation>
    </message>
    <message>
        <source>Script file {path} is not UTF-8 text</source>
        <translation>Manusfilen {path} är inte UTF-8-text</translation>
    </message>
    <message>
        <source>There is no script with id {id}</source>
        <translation>Det finns inget manus med id {id}</translation>
    </message>
    <message>
        <source>Campaign &apos;{campaign}&apos; has no script for calling; choose one under Conversation scripts</source>
        <translation>Kampanjen &apos;{campaign}&apos; har inget manus att ringa med. Välj ett under Samtalsmanus</translation>
    </message>
    <message>
        <source>Script &apos;{name}&apos; version {version} has errors and cannot be used for calling; fix it in the script editor:
{problems}</source>
        <translation>Manuset &apos;{name}&apos; version {version} har fel och kan inte användas för att ringa. Åtgärda det under Samtalsmanus:
{problems}</translation>
    </message>
    <message>
        <source>Someone else saved script &apos;{name}&apos; at the same time; please try again</source>
        <translation>Någon annan sparade manuset &apos;{name}&apos; samtidigt. Försök igen.</translation>
    </message>
    <message>
        <source>Script {id} does not belong to campaign &apos;{campaign}&apos;</source>
        <translation>Manus {id} hör inte till kampanjen &apos;{campaign}&apos;</translation>
    </message>
    <message>
        <source>Campaign &apos;{campaign}&apos; has no script &apos;{key}&apos;</source>
        <translation>Kampanjen &apos;{campaign}&apos; har inget manus &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>Campaign &apos;{campaign}&apos; has no version {version} of script &apos;{key}&apos;</source>
        <translation>Kampanjen &apos;{campaign}&apos; har ingen version {version} av manuset &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>Unknown placeholder {{{name}}} (known: {known})</source>
        <translation>Okänd platshållare {{{name}}} (de som finns: {known})</translation>
    </message>
    <message>
        <source>The script has no steps</source>
        <translation>Manuset har inga steg</translation>
    </message>
    <message>
        <source>Duplicate step id &apos;{id}&apos; (also used by step {n})</source>
        <translation>Steg-id:t &apos;{id}&apos; finns redan (används också av steg {n})</translation>
    </message>
    <message>
        <source>Goes on to unknown step &apos;{target}&apos;</source>
        <translation>Går vidare till ett steg som inte finns: &apos;{target}&apos;</translation>
    </message>
    <message>
        <source>Question key &apos;{key}&apos; is already used by step &apos;{other}&apos;</source>
        <translation>Svarsnyckeln &apos;{key}&apos; används redan av steget &apos;{other}&apos;</translation>
    </message>
    <message>
        <source>Option {n} has no value</source>
        <translation>Alternativ {n} har inget värde</translation>
    </message>
    <message>
        <source>Option &apos;{option}&apos; leads nowhere: there is no step &apos;{target}&apos;</source>
        <translation>Alternativet &apos;{option}&apos; leder ingenstans: det finns inget steg &apos;{target}&apos;</translation>
    </message>
    <message>
        <source>This step can never be reached from the start</source>
        <translation>Det går aldrig att komma till det här steget från början</translation>
    </message>
    <message>
        <source>A path from the start never ends: this step leads back to step &apos;{target}&apos;</source>
        <translation>En väg från början tar aldrig slut: det här steget leder tillbaka till steget &apos;{target}&apos;</translation>
    </message>
    <message>
        <source>The outcome &apos;recruited&apos; needs a membership step (membership: true) after it, which collects the details and the consent</source>
        <translation>Resultatet &apos;recruited&apos; behöver ett medlemssteg (membership: true) efter sig, där uppgifterna och samtycket samlas in</translation>
    </message>
    <message>
        <source>The membership step needs the consent text (consent_text) that is read to the person</source>
        <translation>Medlemssteget behöver samtyckestexten (consent_text) som läses upp för personen</translation>
    </message>
</context>
<context>
    <name>scripts</name>
    <message>
        <source>Conversation scripts</source>
        <translation>Samtalsmanus</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Välj en kampanj först.</translation>
    </message>
    <message>
        <source>(the step&apos;s next step)</source>
        <translation>(stegets nästa steg)</translation>
    </message>
    <message>
        <source>(the script ends)</source>
        <translation>(manuset slutar)</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>Infoga platshållare</translation>
    </message>
    <message>
        <source>No question</source>
        <translation>Ingen fråga</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>Ja eller nej</translation>
    </message>
    <message>
        <source>One choice</source>
        <translation>Ett val</translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation>Flera val</translation>
    </message>
    <message>
        <source>Scale 1 to 5</source>
        <translation>Skala 1 till 5</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Fritext</translation>
    </message>
    <message>
        <source>(no outcome)</source>
        <translation>(inget resultat)</translation>
    </message>
    <message>
        <source>Conversation held</source>
        <translation>Samtal genomfört</translation>
    </message>
    <message>
        <source>Became a member</source>
        <translation>Blev medlem</translation>
    </message>
    <message>
        <source>Doesn&apos;t want to talk</source>
        <translation>Vill inte prata</translation>
    </message>
    <message>
        <source>Do not call again</source>
        <translation>Vill inte bli uppringd igen</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>inbyggt</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importerat</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>redigerat</translation>
    </message>
    <message>
        <source>Contact&apos;s first name</source>
        <translation>Personens förnamn</translation>
    </message>
    <message>
        <source>Your name (the caller)</source>
        <translation>Ditt namn (du som ringer)</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>Föreningen</translation>
    </message>
    <message>
        <source>The local issue</source>
        <translation>Den lokala frågan</translation>
    </message>
    <message>
        <source>Our message on the issue</source>
        <translation>Vårt budskap i frågan</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Mötets namn</translation>
    </message>
    <message>
        <source>Meeting time</source>
        <translation>Mötets tid</translation>
    </message>
    <message>
        <source>Meeting link</source>
        <translation>Länk till mötet</translation>
    </message>
    <message>
        <source>Meeting guest</source>
        <translation>Mötets gäst</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;, line %2: %3</source>
        <translation>Steget &apos;%1&apos;, rad %2: %3</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: %2</source>
        <translation>Steget &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Rad %1: %2</translation>
    </message>
</context>
</TS>
