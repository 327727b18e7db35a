<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Tried</source>
        <translation>Försökta</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Nådda</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Genomförda samtal</translation>
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
        <source>Meeting sign-ups</source>
        <translation>Anmälda till möte</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Vill inte bli uppringda</translation>
    </message>
    <message>
        <source>Wrong numbers</source>
        <translation>Fel nummer</translation>
    </message>
    <message>
        <source>Still to call</source>
        <translation>Kvar att ringa</translation>
    </message>
    <message>
        <source>Reached/tried</source>
        <translation>Nådda/försökta</translation>
    </message>
    <message>
        <source>Conversations/reached</source>
        <translation>Samtal/nådda</translation>
    </message>
    <message>
        <source>Members per 100 conversations</source>
        <translation>Medlemmar per 100 samtal</translation>
    </message>
    <message>
        <source>Talk time (min)</source>
        <translation>Samtalstid (min)</translation>
    </message>
    <message>
        <source>Median talk time (s)</source>
        <translation>Mediansamtalstid (s)</translation>
    </message>
    <message>
        <source>Callable now</source>
        <translation>Kan ringas nu</translation>
    </message>
    <message>
        <source>Waiting for retry</source>
        <translation>Väntar på nytt försök</translation>
    </message>
    <message>
        <source>Callbacks due later</source>
        <translation>Återuppringning senare</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klara</translation>
    </message>
    <message>
        <source>No callable number</source>
        <translation>Inget fungerande nummer</translation>
    </message>
    <message>
        <source>Out in calling packs</source>
        <translation>I ringpaket</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>E&amp;xportera till Excel…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>&amp;Target group:</source>
        <translation>&amp;Målgrupp:</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alla målgrupper</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <source>Only &amp;days from</source>
        <translation>Bara &amp;dagar från</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Första dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Ringare</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dagar</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Calling packs</source>
        <translation>Ringpaket</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Uppdaterad %1</translation>
    </message>
    <message>
        <source>From list to new members, per target group</source>
        <translation>Från lista till nya medlemmar, per målgrupp</translation>
    </message>
    <message>
        <source>Calls and conversations per evening</source>
        <translation>Samtal och genomförda samtal per kväll</translation>
    </message>
    <message>
        <source>Share of calls (%)</source>
        <translation>Andel av samtalen (%)</translation>
    </message>
    <message>
        <source>Outcomes of all calls</source>
        <translation>Utfall för alla samtal</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(okänd)</translation>
    </message>
    <message>
        <source>Calls and conversations per volunteer</source>
        <translation>Samtal och genomförda samtal per ringare</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Siffra</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Ringare</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>(free text)</source>
        <translation>(fritext)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Ringda</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Att granska</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Lämnat tillbaka</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Inte än</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Replace the file?</source>
        <translation>Ersätta filen?</translation>
    </message>
    <message>
        <source>%1 already exists. Do you want to replace it?</source>
        <translation>%1 finns redan. Vill du ersätta den?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersätt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Exportera till Excel</translation>
    </message>
    <message>
        <source>Export the results of “%1” to an Excel file. Choose how much personal data the file may hold.</source>
        <translation>Exportera resultatet för ”%1” till en Excelfil. Välj hur mycket personuppgifter filen får innehålla.</translation>
    </message>
    <message>
        <source>Privacy level</source>
        <translation>Integritetsnivå</translation>
    </message>
    <message>
        <source>&amp;District (recommended)</source>
        <translation>&amp;Distrikt (rekommenderas)</translation>
    </message>
    <message>
        <source>For the district: names and numbers only of new members and of people we promised something. Every other person is a pseudonym, without notes.</source>
        <translation>För distriktet: namn och nummer bara för nya medlemmar och för dem vi har lovat något. Alla andra får ett påhittat namn, utan anteckningar.</translation>
    </message>
    <message>
        <source>&amp;Figures only</source>
        <translation>&amp;Bara siffror</translation>
    </message>
    <message>
        <source>No personal data at all: the figures per target group, day and question.</source>
        <translation>Inga personuppgifter alls: bara siffrorna per målgrupp, dag och fråga.</translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Allt</translation>
    </message>
    <message>
        <source>For the association&apos;s own use: every name, number, note and answer.</source>
        <translation>För föreningens eget bruk: alla namn, nummer, anteckningar och svar.</translation>
    </message>
    <message>
        <source>Warning: this file will hold special-category personal data – what people said about political questions – with their names and numbers. Keep it within the association, store it safely, and delete it when it is no longer needed. Send the district the district level instead. The export is written in the log (Campaign › Log), with your name on this computer.</source>
        <translation>Varning: filen kommer att innehålla känsliga personuppgifter – vad folk har sagt om politiska frågor – tillsammans med namn och nummer. Behåll den inom föreningen, förvara den säkert och radera den när du inte behöver den längre. Skicka distriktsnivån till distriktet i stället. Exporten skrivs in i loggen (Kampanj › Logg), med ditt användarnamn på den här datorn.</translation>
    </message>
    <message>
        <source>I &amp;understand, and will keep the file safe</source>
        <translation>Jag &amp;förstår och förvarar filen säkert</translation>
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
        <source>File to save</source>
        <translation>Fil att spara</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportera</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excelfiler (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>Exporterar till Excel…</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>Combine district files</source>
        <translation>Slå ihop filer för distriktet</translation>
    </message>
    <message>
        <source>Add the Excel files the associations exported at the district or figures-only level. Ringkväll adds up their figures per association and target group.</source>
        <translation>Lägg till Excelfilerna som föreningarna har exporterat på distriktsnivå eller som bara siffror. Ringkväll lägger ihop siffrorna per förening och målgrupp.</translation>
    </message>
    <message>
        <source>&amp;Files to combine:</source>
        <translation>&amp;Filer att slå ihop:</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Lägg till filer…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>&amp;Save the district file as:</source>
        <translation>&amp;Spara distriktsfilen som:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>District file to save</source>
        <translation>Distriktsfil att spara</translation>
    </message>
    <message>
        <source>C&amp;ombine</source>
        <translation>Slå &amp;ihop</translation>
    </message>
    <message>
        <source>Add exports</source>
        <translation>Lägg till exporter</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excelfiler (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the district file</source>
        <translation>Spara distriktsfilen</translation>
    </message>
    <message>
        <source>Combining district files…</source>
        <translation>Slår ihop filerna…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This file holds special-category personal data (what people said about politics), with names and numbers. Keep it within the association, store it safely and delete it when it is no longer needed. Send the district the &apos;district&apos; level instead.</source>
        <translation>Filen innehåller känsliga personuppgifter (vad folk har sagt om politik) med namn och nummer. Behåll den inom föreningen, förvara den säkert och radera den när du inte behöver den längre. Skicka nivån &apos;district&apos; till distriktet i stället.</translation>
    </message>
    <message>
        <source>Unknown privacy level &apos;{value}&apos; (use district, aggregate or full)</source>
        <translation>Okänd integritetsnivå &apos;{value}&apos; (använd district, aggregate eller full)</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: filen finns inte</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx)</source>
        <translation>{file} är ingen Excelfil (.xlsx)</translation>
    </message>
    <message>
        <source>{file} is not a Ringkväll results export</source>
        <translation>{file} är ingen resultatexport från Ringkväll</translation>
    </message>
    <message>
        <source>{file} was made by a newer Ringkväll (format {version}, this one reads up to {supported}); update Ringkväll</source>
        <translation>{file} är gjord med en nyare Ringkväll (format {version}, den här läser upp till {supported}); uppdatera Ringkväll</translation>
    </message>
    <message>
        <source>{file} is a district roll-up, not an association&apos;s export</source>
        <translation>{file} är en sammanställning för distriktet, inte en förenings export</translation>
    </message>
    <message>
        <source>{file} is a full export with personal data; ask the association for the district or aggregate level</source>
        <translation>{file} är en fullständig export med personuppgifter; be föreningen om distriktsnivån eller bara siffror</translation>
    </message>
    <message>
        <source>Choose at least one export to combine</source>
        <translation>Välj minst en export att slå ihop</translation>
    </message>
    <message>
        <source>{file} and {other} both hold campaign &apos;{campaign}&apos; of {association}; keep only the newest</source>
        <translation>{file} och {other} innehåller båda kampanjen &apos;{campaign}&apos; från {association}; behåll bara den nyaste</translation>
    </message>
    <message>
        <source>The calls file has a row per call, which the aggregate level does not allow; choose district or full, or export the figures to Excel</source>
        <translation>Samtalsfilen har en rad per samtal, och det tillåter inte nivån aggregate; välj district eller full, eller exportera siffrorna till Excel</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <source>Results</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Välj en kampanj först.</translation>
    </message>
    <message>
        <source>Saved %1 (%n call(s))</source>
        <translation>Sparade %1 (%n samtal)</translation>
    </message>
    <message>
        <source>Saved the district file %1 (%n file(s))</source>
        <translation>Sparade distriktsfilen %1 (filer: %n)</translation>
    </message>
</context>
</TS>
