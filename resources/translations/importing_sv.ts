<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>DncDialog</name>
    <message>
        <source>Do-not-call list</source>
        <translation>Spärrlista</translation>
    </message>
    <message>
        <source>Numbers on this list are never called, in any campaign. People who ask not to be called again are added here, and imports leave their numbers out.</source>
        <translation>Numren på den här listan rings aldrig, i någon kampanj. Den som ber att inte bli uppringd igen läggs till här, och importer hoppar över de numren.</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>Number to add to the do-not-call list</source>
        <translation>Nummer att lägga till på spärrlistan</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <source>Add from a &amp;file…</source>
        <translation>Lägg till från en &amp;fil…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tillagt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Numbers on the do-not-call list</source>
        <translation>Nummer på spärrlistan</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) on the list</source>
        <translation>
            <numerusform>%n nummer på listan</numerusform>
            <numerusform>%n nummer på listan</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers not to call</source>
        <translation>Nummer som inte ska ringas</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Listor (*.xlsx *.csv *.txt);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the list</source>
        <translation>Välj listan</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV/text file from the district.</source>
        <translation>En Excel-arbetsbok (.xlsx) eller en CSV-/textfil från distriktet.</translation>
    </message>
    <message>
        <source>Ringkväll recognises the columns by their names, works out the file&apos;s encoding and separator, and checks every number before anything is saved.</source>
        <translation>Ringkväll känner igen kolumnerna på deras namn, räknar ut filens teckenkodning och avgränsare och kontrollerar varje nummer innan något sparas.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Blad:</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Bläd&amp;dra…</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fil att importera</translation>
    </message>
    <message>
        <source>Sheet in the workbook</source>
        <translation>Blad i arbetsboken</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Välj filen som ska importeras</translation>
    </message>
    <message>
        <source>Choose the phone list</source>
        <translation>Välj telefonlistan</translation>
    </message>
    <message>
        <source>Phone lists (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Telefonlistor (*.xlsx *.xlsm *.csv *.txt *.tsv);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Läser filen…</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabb</translation>
    </message>
    <message numerus="yes">
        <source>Text file: encoding %1, separator “%2”, header on line %3, about %Ln row(s).</source>
        <translation>
            <numerusform>Textfil: teckenkodning %1, avgränsare ”%2”, rubriker på rad %3, ungefär %Ln rad.</numerusform>
            <numerusform>Textfil: teckenkodning %1, avgränsare ”%2”, rubriker på rad %3, ungefär %Ln rader.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Excel workbook, sheet “%1”: header on row %2, about %Ln row(s).</source>
        <translation>
            <numerusform>Excel-arbetsbok, bladet ”%1”: rubriker på rad %2, ungefär %Ln rad.</numerusform>
            <numerusform>Excel-arbetsbok, bladet ”%1”: rubriker på rad %2, ungefär %Ln rader.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <source>Each purchased list is usually a target group of its own.</source>
        <translation>Varje köpt lista brukar bli en egen målgrupp.</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Kampanj: %1</translation>
    </message>
    <message>
        <source>A new &amp;target group named:</source>
        <translation>&amp;En ny målgrupp som heter:</translation>
    </message>
    <message>
        <source>Add to an &amp;existing target group:</source>
        <translation>Lägg till i en be&amp;fintlig målgrupp:</translation>
    </message>
    <message>
        <source>Name of the new target group</source>
        <translation>Namn på den nya målgruppen</translation>
    </message>
    <message>
        <source>Existing target group</source>
        <translation>Befintlig målgrupp</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a phone list</source>
        <translation>Importera en telefonlista</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Kolumner</translation>
    </message>
    <message>
        <source>Check what each column holds. Columns set to “not imported” are not saved anywhere.</source>
        <translation>Kontrollera vad varje kolumn innehåller. Kolumner som står på ”importeras inte” sparas ingenstans.</translation>
    </message>
    <message>
        <source>&amp;Columns in the file</source>
        <translation>&amp;Kolumner i filen</translation>
    </message>
    <message>
        <source>&amp;First rows of the list</source>
        <translation>&amp;Första raderna i listan</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Importeras som</translation>
    </message>
    <message>
        <source>Columns and what they are imported as</source>
        <translation>Kolumnerna och vad de importeras som</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Förhandsvisning av de första raderna</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) will be read as phone numbers. Every number is checked; a row is imported if at least one of its numbers can be called.</source>
        <translation>
            <numerusform>%n kolumn läses som telefonnummer. Varje nummer kontrolleras; en rad importeras om minst ett av dess nummer går att ringa.</numerusform>
            <numerusform>%n kolumner läses som telefonnummer. Varje nummer kontrolleras; en rad importeras om minst ett av dess nummer går att ringa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>The list is imported</source>
        <translation>Listan är importerad</translation>
    </message>
    <message>
        <source>Every row read is counted once.</source>
        <translation>Varje inläst rad räknas en gång.</translation>
    </message>
    <message>
        <source>Rows read:</source>
        <translation>Inlästa rader:</translation>
    </message>
    <message>
        <source>Imported, ready to call:</source>
        <translation>Importerade, klara att ringa:</translation>
    </message>
    <message>
        <source>Rejected, no number that can be called:</source>
        <translation>Avvisade, inget nummer som går att ringa:</translation>
    </message>
    <message>
        <source>Left out, on the do-not-call list:</source>
        <translation>Utelämnade, finns på spärrlistan:</translation>
    </message>
    <message>
        <source>Left out, already in the campaign:</source>
        <translation>Utelämnade, finns redan i kampanjen:</translation>
    </message>
    <message>
        <source>&amp;Save rejected rows to Excel…</source>
        <translation>&amp;Spara avvisade rader i Excel…</translation>
    </message>
    <message>
        <source>Save rejected rows to Excel</source>
        <translation>Spara avvisade rader i Excel</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Sparat i %1</translation>
    </message>
    <message>
        <source>This file was imported into the campaign before (%1): it brought nothing new.</source>
        <translation>Den här filen har importerats till kampanjen förut (%1), så den gav inget nytt.</translation>
    </message>
    <message>
        <source>You can send the rejected rows back to the district.</source>
        <translation>Du kan skicka tillbaka de avvisade raderna till distriktet.</translation>
    </message>
    <message>
        <source>%1 - rejected rows.xlsx</source>
        <translation>%1 - avvisade rader.xlsx</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Spara avvisade rader</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Importerar</translation>
    </message>
    <message>
        <source>Nothing is saved until the whole list has been read.</source>
        <translation>Inget sparas förrän hela listan har lästs in.</translation>
    </message>
    <message>
        <source>“%1” into the target group “%2”.</source>
        <translation>”%1” till målgruppen ”%2”.</translation>
    </message>
    <message>
        <source>&amp;Stop the import</source>
        <translation>&amp;Avbryt importen</translation>
    </message>
    <message>
        <source>Stop the import</source>
        <translation>Avbryt importen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importens förlopp</translation>
    </message>
    <message>
        <source>Reading and checking the rows…</source>
        <translation>Läser och kontrollerar raderna…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <source>The import was stopped. Nothing was saved.</source>
        <translation>Importen avbröts. Inget sparades.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klart.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln rad inläst…</numerusform>
            <numerusform>%Ln rader inlästa…</numerusform>
        </translation>
    </message>
    <message>
        <source>The import failed. Nothing was saved.</source>
        <translation>Importen misslyckades. Inget sparades.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{file} holds no phone numbers</source>
        <translation>{file} innehåller inga telefonnummer</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(importeras inte)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullständigt namn</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Postort</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Other information (kept)</source>
        <translation>Annan uppgift (sparas)</translation>
    </message>
    <message>
        <source>Unknown field &apos;{field}&apos; for column &apos;{header}&apos; (fields: {fields})</source>
        <translation>Okänt fält ”{field}” för kolumnen ”{header}” (fält: {fields})</translation>
    </message>
    <message>
        <source>The list has no column named &apos;{header}&apos; (columns: {columns})</source>
        <translation>Listan har ingen kolumn som heter ”{header}” (kolumner: {columns})</translation>
    </message>
    <message>
        <source>{file} has no column that can be a phone number (columns: {columns})</source>
        <translation>{file} har ingen kolumn som kan vara telefonnummer (kolumner: {columns})</translation>
    </message>
    <message>
        <source>Only one column can be &apos;{field}&apos;</source>
        <translation>Bara en kolumn kan vara ”{field}”</translation>
    </message>
    <message>
        <source>The import was interrupted for too long and has been undone. Import the list again.</source>
        <translation>Importen var avbruten för länge och har ångrats. Importera listan igen.</translation>
    </message>
    <message>
        <source>The campaign no longer exists</source>
        <translation>Kampanjen finns inte längre</translation>
    </message>
    <message>
        <source>Import {id} does not exist</source>
        <translation>Import {id} finns inte</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: filen finns inte</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file</source>
        <translation>{file} är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason})</source>
        <translation>{file} går inte att läsa ({reason})</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB, the most Ringkväll reads; split the list into smaller files</source>
        <translation>{file} är större än {limit} MB, det mesta Ringkväll läser. Dela upp listan i mindre filer</translation>
    </message>
    <message>
        <source>{file}: line {line} is longer than {limit} characters, the most a row may have</source>
        <translation>{file}: rad {line} är längre än {limit} tecken, det mesta en rad får ha</translation>
    </message>
    <message>
        <source>{file}: the quote (&quot;) opened on line {line} is never closed; remove it or close it, and try again</source>
        <translation>{file}: citattecknet (&quot;) som öppnas på rad {line} stängs aldrig. Ta bort det eller stäng det och försök igen</translation>
    </message>
    <message>
        <source>{file}: the quoted text opened on line {line} runs on for more than {limit} characters; is a closing quote (&quot;) missing?</source>
        <translation>{file}: den citerade texten som öppnas på rad {line} fortsätter i mer än {limit} tecken. Saknas ett avslutande citattecken (&quot;)?</translation>
    </message>
    <message>
        <source>{file}: line {line} has more than {limit} columns, the most Ringkväll reads</source>
        <translation>{file}: rad {line} har fler än {limit} kolumner, det mesta Ringkväll läser</translation>
    </message>
    <message>
        <source>{file}: line {line}, column {column} holds more than {limit} characters, the most a cell may have</source>
        <translation>{file}: rad {line}, kolumn {column} innehåller mer än {limit} tecken, det mesta en cell får ha</translation>
    </message>
    <message>
        <source>{file} changes its text encoding on line {line} (UTF-8 above it, something else from there); save the list again in one encoding</source>
        <translation>{file} byter teckenkodning på rad {line} (UTF-8 ovanför, något annat därifrån). Spara listan igen med en och samma teckenkodning</translation>
    </message>
    <message>
        <source>{file}: row {row} of sheet &apos;{sheet}&apos; has more than {limit} columns, the most Ringkväll reads</source>
        <translation>{file}: rad {row} i bladet ”{sheet}” har fler än {limit} kolumner, det mesta Ringkväll läser</translation>
    </message>
    <message>
        <source>{file}: cell {cell} of sheet &apos;{sheet}&apos; holds more than {limit} characters, the most a cell may have</source>
        <translation>{file}: cell {cell} i bladet ”{sheet}” innehåller mer än {limit} tecken, det mesta en cell får ha</translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; has rows below row {limit}, the last one Excel has</source>
        <translation>{file}: bladet ”{sheet}” har rader nedanför rad {limit}, den sista rad Excel har</translation>
    </message>
    <message>
        <source>{file} unpacks to more than {limit} MB, the most Ringkväll reads from a workbook; split the list into smaller files</source>
        <translation>{file} packas upp till mer än {limit} MB, det mesta Ringkväll läser ur en arbetsbok. Dela upp listan i mindre filer</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook (a part unpacks to more than {limit} times its size, which no real workbook does)</source>
        <translation>{file} går inte att läsa som en Excel-arbetsbok (en del packas upp till mer än {limit} gånger sin storlek, vilket ingen riktig arbetsbok gör)</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook (more than {limit} parts inside)</source>
        <translation>{file} går inte att läsa som en Excel-arbetsbok (den innehåller fler än {limit} delar)</translation>
    </message>
    <message>
        <source>{file} is not an ordinary file (it is a pipe, a device or a socket); save the list to a file and choose that</source>
        <translation>{file} är ingen vanlig fil (utan en pipe, en enhet eller en socket). Spara listan i en fil och välj den</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} är tom</translation>
    </message>
    <message>
        <source>{file} is a password-protected workbook; open it in Excel, remove the password, save it and try again</source>
        <translation>{file} är en lösenordsskyddad arbetsbok. Öppna den i Excel, ta bort lösenordet, spara och försök igen</translation>
    </message>
    <message>
        <source>{file} is in the old Excel format (.xls); save it as .xlsx or CSV and try again</source>
        <translation>{file} är i det gamla Excel-formatet (.xls). Spara den som .xlsx eller CSV och försök igen</translation>
    </message>
    <message>
        <source>{file} is an old Excel file (.xls) or a password-protected workbook; save it in Excel as .xlsx without a password, or as CSV, and try again</source>
        <translation>{file} är en gammal Excel-fil (.xls) eller en lösenordsskyddad arbetsbok. Spara den i Excel som .xlsx utan lösenord, eller som CSV, och försök igen</translation>
    </message>
    <message>
        <source>{file} has no rows to import</source>
        <translation>{file} har inga rader att importera</translation>
    </message>
    <message>
        <source>{file} has a header but no rows below it</source>
        <translation>{file} har rubriker men inga rader under dem</translation>
    </message>
    <message>
        <source>{file} is neither a text (CSV) file nor an Excel workbook</source>
        <translation>{file} är varken en textfil (CSV) eller en Excel-arbetsbok</translation>
    </message>
    <message>
        <source>{file} cannot be decoded as {encoding} ({reason})</source>
        <translation>{file} går inte att läsa som {encoding} ({reason})</translation>
    </message>
    <message>
        <source>{file} is not a readable CSV file ({reason})</source>
        <translation>{file} är ingen läsbar CSV-fil ({reason})</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook ({reason})</source>
        <translation>{file} går inte att läsa som en Excel-arbetsbok ({reason})</translation>
    </message>
    <message>
        <source>{file} has no sheet named &apos;{sheet}&apos; (sheets: {names})</source>
        <translation>{file} har inget blad som heter ”{sheet}” (blad: {names})</translation>
    </message>
    <message>
        <source>{file} has no visible sheet (hidden: {names}); name the one to import</source>
        <translation>{file} har inget synligt blad (dolda: {names}). Ange vilket blad som ska importeras</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Avvisade rader</translation>
    </message>
    <message>
        <source>&apos;{region}&apos; is not a phone region code (such as SE, NO, FI)</source>
        <translation>”{region}” är ingen landskod för telefonnummer (som SE, NO, FI)</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <source>Import a phone list</source>
        <translation>Importera en telefonlista</translation>
    </message>
    <message>
        <source>Choose or create a campaign first; the list is imported into one of its target groups.</source>
        <translation>Välj eller skapa en kampanj först. Listan importeras till en av dess målgrupper.</translation>
    </message>
</context>
</TS>
