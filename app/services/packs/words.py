"""The words pack codes are made of: short, common, ASCII-only Swedish words, so a code read
aloud on the phone is typed right on any keyboard. 256 distinct words: each one is 8 bits."""

from __future__ import annotations

_TEXT = """
abborre alg alm ankare apel apotek arbete asp back bad bagare bal banan bank barn bastu
berg bil bild biljett bjorn blad blixt blomma bok bord borste bro broms brunn buss by
cykel dag dal damm dans deg dike dimma docka dorr drake dricka duk dunge ek eld elev
eller enkel fack fagel falk familj fana fara farm fat fest fiol fisk fjall flagga flod
fluga fot fredag frukt fyr gata get glas glass gran gris grus gurka hage hamn hand hare
hatt havre hjort hopp horn hund hus hylla is jakt jord jul kaffe kaka kalv kanal kanot
katt kedja kind kista klocka klubb knapp kniv kock kol kompis kork korv kust kvarn lada
lager lampa land lax led lejon linje lock lok lunch lus mamma mark mask mat mjolk mod
moln mors mus myra natt nav nod nyckel oga ost paddel papper park pensel pil pipa plan
plats pojke post potatis puss rad ram regn ren ring ris ro rock ros rum sax sal salt
sand segel sill sjo skal skog sko skola sky slott smor snigel sno sol soppa spade sparv
spik stad stam sten stol strand stuga svan syster tak tall tand te teater tid tiger
tomte torn tra trappa troja tupp tur ugn uggla ulv vagn vante varg vass vatten vecka
ved vete vik villa vind vinter vag vaxt yxa alv ang apa arm axel bat bi bur
fjader flinga frost gnista grop hav hjul hy kam kopp kula lykta mal mynt nal ort
pinne pust rot sadel sked skrin stig
"""
WORDS: tuple[str, ...] = tuple(_TEXT.split())
