<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
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
        <source>Campaign &amp;settings…</source>
        <translation>Kampanj&amp;inställningar…</translation>
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
        <source>Back to the &amp;start page</source>
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
        <source>About Ringkväll</source>
        <translation>Om Ringkväll</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ringkväll %1&lt;/h3&gt;&lt;p&gt;Calling evenings for party associations: phone lists, conversation scripts, results for the district.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Your data stays on this computer unless you export it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ringkväll %1&lt;/h3&gt;&lt;p&gt;Ringkvällar för partiföreningar: telefonlistor, samtalsmanus och resultat till distriktet.&lt;/p&gt;&lt;p&gt;Databas: %2&lt;/p&gt;&lt;p&gt;Dina uppgifter stannar på den här datorn om du inte exporterar dem.&lt;/p&gt;</translation>
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
        <source>The database is empty. Do you want a practice campaign with made-up people, so you can try calling before a real evening?</source>
        <translation>Databasen är tom. Vill du ha en övningskampanj med påhittade personer, så att du kan prova att ringa före en riktig ringkväll?</translation>
    </message>
</context>
</TS>
