package demo

// The demo reports' texts: invented, written the way different people
// write (short, long, polite, annoyed). {s} is a street of the district,
// {n} a house number, {m} a mast number.

// reportStreets are streets per district of the schematic map.
var reportStreets = map[string][]string{
	"zentrum":           {"Löbdergraben", "Holzmarkt", "Johannisstraße", "Saalstraße", "Leutragraben", "Kollegiengasse", "Neugasse", "Teichgraben"},
	"nord":              {"Dornburger Straße", "Löbstedter Straße", "Nordstraße", "Friedrich-Engels-Straße", "Spitzweidenweg", "Humboldtstraße"},
	"west":              {"Westbahnhofstraße", "Lutherstraße", "Magdelstieg", "Forstweg", "Schillbachstraße", "Am Steiger"},
	"ost":               {"Karl-Liebknecht-Straße", "Jenzigweg", "Ziegenhainer Straße", "Dammstraße", "Fichteplatz"},
	"wenigenjena":       {"Camsdorfer Ufer", "Wenigenjenaer Ufer", "Schweizerhöhenweg", "Kunitzer Straße", "Schlegelsstraße"},
	"zwaetzen":          {"Naumburger Straße", "Zwätzengasse", "Closewitzer Straße", "Brückenstraße", "Am Kaupichen"},
	"sued":              {"Kahlaische Straße", "Oberaue", "Ilmnitzer Landstraße", "Talstraße", "Paradiesstraße"},
	"winzerla":          {"Anna-Siemsen-Straße", "Hugo-Schrade-Straße", "Wasserachsenweg", "Oßmaritzer Straße", "Max-Steenbeck-Straße"},
	"goeschwitz-burgau": {"Göschwitzer Straße", "Burgauer Weg", "Rudolstädter Straße", "Am Flutgraben", "Winzerlaer Straße"},
	"lobeda":            {"Karl-Marx-Allee", "Kastanienstraße", "Ernst-Schneller-Straße", "Werner-Seelenbinder-Straße", "Kurt-Eisner-Straße", "Erlanger Allee"},
}

// reportZip are the postcodes per district (approximate).
var reportZip = map[string]string{"zentrum": "07743", "nord": "07743", "west": "07743", "ost": "07749", "wenigenjena": "07749",
	"zwaetzen": "07743", "sued": "07745", "winzerla": "07745", "goeschwitz-burgau": "07745", "lobeda": "07747"}

var reportOpeners = []string{"", "", "", "Hallo,", "Guten Tag,", "Moin,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,", "Hinweis:"}

var reportClosers = []string{"", "", "", "Danke!", "Vielen Dank fürs Kümmern.", "Bitte bald beheben.", "Das ist schon seit Tagen so.",
	"Gruß", "MfG", "Danke im Voraus.", "Bitte mal nachschauen.", "Ist echt ärgerlich."}

// reportBodies are the descriptions per category.
var reportBodies = map[string][]string{
	"illegale-ablagerung": {
		"In der {s} liegt seit gestern ein ganzer Haufen Sperrmüll auf dem Gehweg: Sofa, Matratze und ein Schrank.",
		"Jemand hat am Glascontainer {s} mehrere Müllsäcke abgestellt. Die Krähen reißen sie schon auf.",
		"Wilde Müllkippe am Waldrand hinter der {s}, vermutlich Bauschutt und Fliesen.",
		"Vier alte Autoreifen wurden neben dem Parkplatz {s} {n} entsorgt.",
		"An der Ecke {s} steht ein alter Kühlschrank und ein Fernseher, seit über einer Woche.",
		"Hinter den Garagen in der {s} wurde Grünschnitt und Rasenschnitt abgeladen, das fängt schon an zu gammeln.",
		"Vor {s} {n} liegt Müll verteilt, Säcke, Kartons und Essensreste.",
		"Illegal entsorgter Müll am Gebüsch {s}: Farbeimer, Kanister und Plastik.",
		"Jemand hat eine komplette Küche (Schränke, Spüle) am Straßenrand {s} abgestellt. Sperrmülltermin war das sicher nicht.",
		"Am Wertstoffplatz {s} türmen sich Kartons und gelbe Säcke neben den Containern.",
		"Abfall abgeladen: Bauschutt und Dämmwolle im Graben an der {s}.",
		"Ein Einkaufswagen voller Müll steht seit Tagen auf der Wiese an der {s}.",
	},
	"strassenreinigung": {
		"Auf dem Radweg in der {s} liegen überall Glasscherben, offenbar eine zerbrochene Flasche.",
		"Der Gehweg vor {s} {n} ist komplett mit nassem Laub bedeckt, man rutscht aus.",
		"Ölspur auf der Fahrbahn {s}, über mehrere hundert Meter.",
		"Nach dem Wochenende ist der Platz an der {s} voller Kippen, Dosen und Scherben.",
		"Die Straße {s} wurde seit Wochen nicht gekehrt, der Rinnstein ist voller Dreck und Sand.",
		"Überall Scherben an der Haltestelle {s}, Kinder laufen da barfuß.",
		"Schlamm von der Baustelle auf der ganzen Fahrbahn in der {s}, bei Regen eine Rutschbahn.",
		"Erbrochenes und Glas auf dem Gehweg {s}, bitte reinigen.",
		"Rollsplitt und Dreck auf dem Radweg entlang der {s}, gefährlich in der Kurve.",
		"Die Treppe an der {s} ist total verdreckt und stinkt.",
	},
	"papierkorb": {
		"Der Papierkorb an der Haltestelle {s} quillt über, der Müll fliegt schon herum.",
		"Mülleimer am Spielplatz {s} ist seit Tagen voll.",
		"Der Abfalleimer vor {s} {n} ist abgerissen und liegt auf dem Boden.",
		"Der Hundekotbeutelspender in der {s} ist leer.",
		"Überquellender Papierkorb an der Bank {s}, Wespen überall.",
		"Der Mülleimer an der {s} wurde angezündet und ist kaputt.",
		"Papierkorb voll, daneben stapeln sich Pizzakartons ({s}).",
		"Bitte den Abfallbehälter an der Bushaltestelle {s} öfter leeren, der ist jeden Montag voll.",
	},
	"schlagloch": {
		"Großes Schlagloch auf der Fahrbahn {s} Höhe Nr. {n}, bestimmt 10 cm tief.",
		"In der {s} ist der Asphalt aufgebrochen, Radfahrer müssen ausweichen.",
		"Gehwegplatte vor {s} {n} steht hoch, Stolperfalle, meine Mutter ist fast gestürzt.",
		"Gullydeckel abgesackt auf der {s}, es knallt bei jedem Auto.",
		"Mehrere Löcher im Radweg der {s}, nach dem Frost noch schlimmer geworden.",
		"Die Straße {s} hat einen tiefen Riss quer über die Fahrbahn.",
		"Schlagloch an der Einmündung {s}, mit Wasser gefüllt, man sieht es nicht.",
		"Kopfsteinpflaster in der {s} lose, mehrere Steine fehlen.",
		"Der Bordstein an der {s} ist weggebrochen, Kinderwagen kommt nicht mehr runter.",
		"Seit dem Winter wird das Loch in der {s} vor dem Supermarkt immer größer.",
	},
	"strassenbeleuchtung": {
		"Die Straßenlaterne vor {s} {n} ist aus, Mastnummer {m}.",
		"Laterne Nr. {m} in der {s} flackert ständig.",
		"In der ganzen {s} ist es abends dunkel, mehrere Lampen sind aus.",
		"Die Straßenlampe an der {s} brennt auch tagsüber.",
		"Der Lampenmast an der {s} ist angefahren worden und steht schief.",
		"Leuchte {m} geht nachts immer an und aus, das Licht blinkt ins Schlafzimmer.",
		"Auf dem Fußweg an der {s} ist die Beleuchtung komplett ausgefallen, man sieht nichts.",
		"Lampe kaputt, {s} Höhe Hausnummer {n}. Auf dem Mast steht {m}.",
		"Die Laterne am Zebrastreifen {s} ist seit einer Woche dunkel.",
		"Am Weg zur Haltestelle {s} ist eine Straßenleuchte defekt, Glas fehlt.",
	},
	"ampel": {
		"Die Ampel an der Kreuzung {s} ist komplett aus.",
		"Fußgängerampel {s}: der Taster reagiert nicht, es wird nie grün.",
		"Ampel {s} blinkt seit heute Morgen nur noch gelb.",
		"An der Ampel {s} ist für Fußgänger viel zu kurz grün, ältere Leute schaffen es nicht rüber.",
		"Ein Signalgeber der Ampel {s} ist ausgefallen, die rote Lampe leuchtet nicht.",
		"Lichtsignalanlage an der {s}: Linksabbieger bekommt nie grün.",
		"Das Blindensignal an der Ampel {s} tickt nicht mehr.",
		"Die Ampel {s} ist verdreht und zeigt in die falsche Richtung.",
	},
	"verkehrszeichen": {
		"Das Stoppschild an der Einmündung {s} ist umgefahren worden.",
		"Verkehrsschild in der {s} ist komplett zugewachsen, man sieht die Vorfahrt nicht.",
		"Tempo-30-Schild an der Schule {s} fehlt.",
		"Das Schild Einbahnstraße in der {s} ist verdreht.",
		"Fahrbahnmarkierung am Zebrastreifen {s} ist kaum noch zu sehen.",
		"Poller an der {s} abgefahren, liegt auf dem Gehweg.",
		"Das Halteverbotsschild vor {s} {n} ist mit Aufklebern zugeklebt und nicht lesbar.",
		"Verkehrszeichen Vorfahrt gewähren an der {s} hängt nur noch an einer Schraube.",
	},
	"gruenflaeche": {
		"Großer abgebrochener Ast hängt über dem Fußweg in der {s}.",
		"Die Hecke an der {s} wächst weit über den Gehweg, mit Kinderwagen kommt man nicht vorbei.",
		"Nach dem Sturm liegt ein umgestürzter Baum auf der Wiese an der {s}.",
		"Der Rasen im Park an der {s} wurde seit Monaten nicht gemäht.",
		"Die Baumscheibe vor {s} {n} ist voller Müll und Unkraut.",
		"Ein Baum an der {s} ist innen hohl und neigt sich zur Straße, sieht gefährlich aus.",
		"Gebüsch an der Kreuzung {s} versperrt die Sicht auf den Verkehr.",
		"Die Blumenbeete an der {s} sind völlig vertrocknet.",
		"Wurzeln heben den Weg im Grünzug {s} an.",
		"Totholz in der Baumkrone an der {s}, fällt bei Wind runter.",
	},
	"spielplatz": {
		"Auf dem Spielplatz {s} ist die Schaukel kaputt, eine Kette ist gerissen.",
		"Im Sandkasten am Spielplatz {s} liegen Glasscherben.",
		"Die Rutsche auf dem Spielplatz an der {s} hat eine scharfe Kante.",
		"Das Klettergerüst am Spielplatz {s} wackelt, ein Balken ist morsch.",
		"Der Zaun am Spielplatz {s} hat ein Loch, die Kinder laufen auf die Straße.",
		"Die Wippe auf dem Spielplatz {s} ist abgebrochen.",
		"Spielplatz {s}: Spritzen im Gebüsch gefunden, bitte dringend kontrollieren!",
		"Die Bank am Spielplatz {s} ist zerbrochen, Nägel stehen raus.",
		"Das Spielhaus auf dem Spielplatz {s} wurde beschmiert und die Tür ist ausgerissen.",
	},
}

// reportForwarded are reports the city is not responsible for: the text
// and to whom it was forwarded, per category.
var reportForwarded = map[string][]struct{ body, to, note string }{
	"schlagloch": {
		{"Tiefes Schlagloch auf der B 88 am Ortsausgang Richtung Rothenstein, kurz nach der {s}.",
			"Thüringer Landesamt für Bau und Verkehr (Straßenbauamt Ostthüringen)",
			"Die Stelle liegt an der Bundesstraße 88, für die das Land zuständig ist. Wir haben Ihre Meldung an das Straßenbauamt weitergegeben."},
		{"Die Fahrbahn der Zubringerstraße zur A 4 bei der {s} ist voller Löcher.",
			"Die Autobahn GmbH des Bundes, Niederlassung Ost",
			"Der Autobahnzubringer gehört zur Autobahn GmbH des Bundes. Wir haben Ihre Meldung dorthin weitergeleitet."},
	},
	"illegale-ablagerung": {
		{"Am Bahndamm hinter der {s} liegt massenhaft Müll direkt an den Gleisen.",
			"DB InfraGO AG",
			"Das Grundstück am Bahndamm gehört der Deutschen Bahn. Wir haben die Meldung an die DB InfraGO weitergegeben."},
		{"Müllsäcke am Bahnsteig-Zugang Jena-Göschwitz, Seite {s}.",
			"DB InfraGO AG (Bahnhofsmanagement)",
			"Bahnsteig und Zugang gehören der Deutschen Bahn. Ihre Meldung ist an das Bahnhofsmanagement weitergeleitet."},
	},
	"strassenbeleuchtung": {
		{"Die Lampe auf dem Parkplatz des Einkaufszentrums an der {s} ist kaputt.",
			"Eigentümer des Parkplatzes (privat)",
			"Der Parkplatz ist ein Privatgrundstück; die Beleuchtung gehört dem Eigentümer. Wir haben ihn informiert."},
	},
}

// Public notes of the staff per category: when work starts, when it is done.
var reportStartNotes = map[string][]string{
	"illegale-ablagerung": {"Vielen Dank, die Abholung ist beauftragt.", "Die Ablagerung wird in den nächsten Tagen beräumt.", "Wir prüfen, ob sich ein Verursacher ermitteln lässt, und räumen dann ab."},
	"strassenreinigung":   {"Die Kehrmaschine ist eingeplant.", "Danke, die Reinigung ist beauftragt."},
	"papierkorb":          {"Die Leerung ist veranlasst.", "Danke, wir kümmern uns darum."},
	"schlagloch":          {"Die Stelle ist begutachtet und abgesichert; die Reparatur ist beauftragt.", "Danke für den Hinweis. Die Schadstelle ist im Reparaturplan aufgenommen.", "Wir haben die Stelle vorläufig markiert; die Ausbesserung folgt mit der nächsten Kolonne."},
	"strassenbeleuchtung": {"Der Störungsdienst ist beauftragt.", "Danke, die Leuchte ist zur Reparatur gemeldet."},
	"ampel":               {"Die Fachfirma für Lichtsignalanlagen ist informiert.", "Wir prüfen die Schaltung."},
	"verkehrszeichen":     {"Der Austausch des Schildes ist beauftragt.", "Danke, wir prüfen die Beschilderung vor Ort."},
	"gruenflaeche":        {"Die Baumkontrolle schaut sich die Stelle an.", "Der Rückschnitt ist eingeplant.", "Danke, die Fläche ist in den Pflegeplan aufgenommen."},
	"spielplatz":          {"Das Spielgerät ist bis zur Reparatur gesperrt.", "Die Spielplatzkontrolle ist informiert.", "Danke, wir sehen uns das an."},
}

var reportDoneNotes = map[string][]string{
	"illegale-ablagerung": {"Die Ablagerung wurde beräumt.", "Der Müll ist abgeholt. Danke für Ihre Meldung!", "Erledigt: alles entfernt."},
	"strassenreinigung":   {"Die Stelle wurde gereinigt.", "Gereinigt, danke!"},
	"papierkorb":          {"Der Papierkorb wurde geleert.", "Der Papierkorb wurde ersetzt."},
	"schlagloch":          {"Das Schlagloch wurde ausgebessert.", "Die Schadstelle ist repariert.", "Die Gehwegplatten wurden neu verlegt."},
	"strassenbeleuchtung": {"Das Leuchtmittel wurde getauscht, die Laterne brennt wieder.", "Die Störung ist behoben.", "Der Mast wurde gerichtet und die Leuchte repariert."},
	"ampel":               {"Die Ampel ist repariert und läuft wieder.", "Die Schaltung wurde angepasst."},
	"verkehrszeichen":     {"Das Schild wurde neu aufgestellt.", "Die Markierung wurde erneuert.", "Das Schild ist wieder frei sichtbar."},
	"gruenflaeche":        {"Der Rückschnitt ist erfolgt.", "Der Ast wurde entfernt.", "Die Fläche wurde gepflegt."},
	"spielplatz":          {"Das Spielgerät ist repariert und wieder freigegeben.", "Der Sand wurde gesiebt und gereinigt.", "Der Zaun wurde geflickt."},
}

// reportInterimNotes are public notes while long repairs wait.
var reportInterimNotes = []string{
	"Die Arbeiten sind für die kommenden Wochen eingeplant.",
	"Wegen der Witterung verzögert sich die Reparatur etwas.",
	"Die Fachfirma hat den Auftrag bestätigt.",
}
