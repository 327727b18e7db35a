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
        <source>Connect to the association&apos;s &amp;server…</source>
        <translation>Anslut till föreningens &amp;server…</translation>
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
        <source>About Ringkväll</source>
        <translation>Om Ringkväll</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ringkväll %1&lt;/h3&gt;&lt;p&gt;Calling evenings for party associations: phone lists, conversation scripts, results for the district.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Your data stays on this computer unless you export it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ringkväll %1&lt;/h3&gt;&lt;p&gt;Ringkvällar för partiföreningar: telefonlistor, samtalsmanus och resultat till distriktet.&lt;/p&gt;&lt;p&gt;Databas: %2&lt;/p&gt;&lt;p&gt;Dina uppgifter stannar på den här datorn om du inte exporterar dem.&lt;/p&gt;</translation>
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
