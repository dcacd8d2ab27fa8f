package demo

import "rathaus/internal/participation"

// Statuses, short.
const (
	stReview   = participation.StatusReview
	stPlanned  = participation.StatusPlanned
	stProgress = participation.StatusInProgress
	stDone     = participation.StatusDone
	stRejected = participation.StatusRejected
)

// ideaPlans are the ideas of the space "ideen": ten reach the threshold
// (six answered in time, two late, one overdue, one due soon), a dozen
// more have answers in every status, the rest wait, plus a duplicate, an
// idea a moderator hid, one held for its links and one reported.
var ideaPlans = []ideaPlan{
	// Over the threshold.
	{key: "wohngeld", title: "Wohngeld online beantragen", cat: "Digitale Verwaltung", age: 170, supports: 68, reach: 19, comments: 9,
		body: "Für den Wohngeldantrag fülle ich jedes Jahr einen dicken Papierstapel aus, kopiere Nachweise und bringe alles persönlich vorbei. Andere Städte bieten den Antrag längst online an, mit Hochladen der Nachweise. Das würde Zeit sparen – auf beiden Seiten.",
		answers: []answerStep{
			{stReview, 4, "Vielen Dank für die vielen Unterstützungen. Der Fachdienst Digitalisierung prüft mit der Wohngeldstelle, wie der Antrag online gehen kann."},
			{stPlanned, 16, "Der Wohngeldantrag wird digital: Wir nutzen den Online-Dienst des Freistaats Thüringen und binden ihn an das Bürgerkonto an. Nachweise laden Sie dann als Foto oder PDF hoch. Start ist für das kommende Quartal geplant."},
			{stProgress, 75, "Die Anbindung läuft. Beschäftigte der Wohngeldstelle testen den Online-Antrag gerade mit echten Fällen. Wir melden uns hier, sobald er für alle freigeschaltet ist."},
		},
		talk: []string{
			"Unbedingt! Gerade für Menschen, die arbeiten, sind die Sprechzeiten kaum zu schaffen.",
			"> Und man weiß nie, ob alle Unterlagen vollständig sind. Eine Checkliste im Antrag wäre super.",
			"Wichtig wäre, dass der Antrag auch auf dem Handy funktioniert. Nicht jeder hat einen Drucker oder Scanner.",
			"!> Danke für den Hinweis. Der Online-Antrag wird auf dem Smartphone nutzbar sein, Nachweise können Sie fotografieren.",
			"Bitte den Papierweg trotzdem behalten, meine Mutter kommt mit Online-Formularen nicht zurecht.",
		}},
	{key: "radweg", title: "Sichere Radwege am Löbdergraben", cat: "Verkehr", place: "Löbdergraben", age: 150, supports: 57, reach: 12, comments: 12,
		body: "Auf dem Löbdergraben fahren Busse, Autos und Lieferverkehr dicht an Radfahrenden vorbei. Besonders zwischen Holzmarkt und Steinweg wird es gefährlich. Ein baulich getrennter Radweg oder wenigstens ein breiter markierter Streifen würde sehr helfen.",
		answers: []answerStep{
			{stReview, 5, "Der Fachdienst Mobilität prüft die Idee im Rahmen des Radverkehrskonzepts und zählt den Verkehr an der Stelle."},
			{stPlanned, 24, "Der Stadtrat hat Mittel für einen geschützten Radfahrstreifen auf dem Löbdergraben zwischen Holzmarkt und Steinweg bereitgestellt. Gebaut wird im Frühjahr; bis dahin markieren wir die Einmündung Johannisstraße deutlicher."},
		},
		talk: []string{
			"Ich fahre da jeden Tag mit dem Kind im Anhänger. Jedes Mal Herzklopfen.",
			"> Geht mir genauso, vor allem wenn die Busse an der Haltestelle ausscheren.",
			"Wo sollen dann die Lieferfahrzeuge halten? Die Geschäfte brauchen ja auch Anlieferung.",
			"> Ladezonen in den Seitenstraßen, wie in anderen Städten auch.",
			"!> Die Ladezonen planen wir mit: zwei in der Johannisstraße und eine am Holzmarkt. Die Pläne stellen wir vor Baubeginn öffentlich vor.",
		}},
	{key: "sms", title: "Termin-Erinnerung per SMS", cat: "Digitale Verwaltung", age: 120, supports: 44, reach: 9, comments: 6,
		body: "Ich habe schon zweimal meinen Termin im Bürgerservice vergessen. Eine kurze SMS am Tag vorher würde helfen – und wer rechtzeitig absagt, gibt den Termin für andere frei.",
		answers: []answerStep{
			{stPlanned, 8, "Gute Idee: Wir bieten die Erinnerung zusätzlich zur E-Mail auch per SMS an. Die Handynummer ist freiwillig und wird nach dem Termin gelöscht."},
			{stDone, 45, "Seit diesem Monat können Sie bei der Terminbuchung eine Handynummer angeben und erhalten am Vortag eine SMS mit dem Link zum Absagen. Danke für die Idee!"},
		},
		talk: []string{
			"Die E-Mail landet bei mir oft im Spam, SMS wäre viel besser.",
			"Mit Link zum Absagen bitte, dann werden Termine wieder frei.",
		}},
	{key: "trinkbrunnen", title: "Mehr Trinkbrunnen in der Innenstadt", cat: "Umwelt und Grün", place: "Holzmarkt", age: 175, supports: 38, reach: 30, comments: 5,
		body: "Im Sommer ist es in der Innenstadt sehr heiß, und es gibt kaum Stellen, an denen man kostenlos Wasser nachfüllen kann. Trinkbrunnen am Holzmarkt, am Eichplatz und im Paradiespark wären gut für alle, besonders für Kinder und ältere Menschen.",
		answers: []answerStep{
			{stPlanned, 38, "Entschuldigen Sie die späte Antwort: Die Zuständigkeit zwischen Stadt und Stadtwerken musste erst geklärt werden. Die Stadtwerke Jena stellen im Frühsommer zwei weitere Trinkbrunnen auf, am Holzmarkt und am Eichplatz."},
			{stDone, 110, "Die beiden neuen Trinkbrunnen am Holzmarkt und am Eichplatz sind in Betrieb, jedes Jahr von April bis Oktober."},
		},
		talk: []string{
			"In Paris und Wien gibt es die überall. Das ist wirklich keine große Sache.",
			"> Und Hunde freuen sich auch, wenn unten eine Schale dran ist.",
		}},
	{key: "bauantrag", title: "Bauantrag digital einreichen", cat: "Digitale Verwaltung", age: 95, supports: 41, reach: 14, comments: 4,
		body: "Für einen Bauantrag müssen Pläne in mehrfacher Ausfertigung auf Papier eingereicht werden. Das kostet Geld und Zeit. Bitte ermöglichen Sie die Einreichung als PDF über ein Portal, wie es in anderen Bundesländern schon üblich ist.",
		answers: []answerStep{
			{stReview, 3, "Danke! Die Untere Bauaufsicht prüft, wie sie sich an das digitale Baugenehmigungsverfahren des Landes anschließt."},
			{stPlanned, 21, "Die Untere Bauaufsicht führt das digitale Baugenehmigungsverfahren ein. Bauherrinnen, Bauherren und Planungsbüros reichen Anträge dann mit Plänen als PDF online ein; auch die Fachämter werden digital beteiligt."},
		},
		talk: []string{
			"Als Architektin kann ich das nur unterstützen. Wir drucken pro Antrag oft über hundert Seiten.",
		}},
	{key: "nachtbus", title: "Nachtbus nach Lobeda und Winzerla am Wochenende", cat: "Verkehr", place: "Lobeda", age: 110, supports: 35, reach: 20, comments: 8,
		body: "Wer am Wochenende abends in der Stadt ist, kommt nach Mitternacht kaum noch nach Lobeda oder Winzerla. Ein Nachtbus freitags und samstags bis 3 Uhr würde vielen jungen Leuten und Beschäftigten im Schichtdienst helfen.",
		answers: []answerStep{
			{stRejected, 25, "Wir haben die Idee mit dem Jenaer Nahverkehr geprüft. Ein zusätzlicher Nachtbus kostet rund 180.000 Euro im Jahr, die im Verkehrsvertrag nicht finanziert sind; der Stadtrat hat eine Erhöhung abgelehnt. " +
				"Stattdessen fahren die Straßenbahnlinien 2 und 3 ab dem Fahrplanwechsel in den Nächten auf Samstag und Sonntag stündlich bis 2 Uhr."},
		},
		talk: []string{
			"Ich arbeite im Klinikum in Lobeda im Spätdienst, für mich wäre das eine echte Erleichterung.",
			"> Für das Klinikum gibt es doch schon den Schichtbus?",
			"> Nur bis 23 Uhr, danach nicht mehr.",
			"Schade, aber die Straßenbahn bis 2 Uhr ist immerhin etwas.",
		}},
	{key: "hundewiese", title: "Hundewiese im Paradiespark", cat: "Umwelt und Grün", place: "Paradiespark", age: 75, supports: 31, reach: 30, comments: 7,
		body: "Im Paradiespark gilt Leinenpflicht, es gibt aber in der Innenstadt keine Fläche, auf der Hunde frei laufen dürfen. Eine eingezäunte Hundewiese am Rand des Parks, zum Beispiel an der Bahnlinie, würde Konflikte mit Joggern und Familien vermeiden.",
		talk: []string{
			"Der Paradiespark ist für alle da, ich möchte dort nicht noch mehr Hunde.",
			"> Gerade deshalb ja eingezäunt – dann laufen die Hunde nicht mehr überall frei herum.",
			"Wann antwortet die Stadt auf diese Idee? Mich interessiert, ob das überhaupt geprüft wird.",
		}},
	{key: "toiletten", title: "Öffentliche Toilette am Saalbahnhof", cat: "Stadtbild und Sauberkeit", place: "Saalbahnhof", age: 40, supports: 27, reach: 26, comments: 3,
		body: "Am Saalbahnhof gibt es keine öffentliche Toilette, auch nicht im Bahnhofsgebäude. Reisende, Pendler und Familien haben keine Möglichkeit. Eine barrierefreie öffentliche Toilette wäre dringend nötig.",
		talk: []string{
			"Das gilt leider für viele Haltestellen in Jena.",
			"!Danke für die vielen Unterstützungen. Wir klären mit dem Kommunalservice Jena und der Deutschen Bahn, wo eine Toilette stehen kann und wer sie betreibt, und antworten hier fristgerecht.",
		}},
	{key: "baenke", title: "Mehr Sitzbänke entlang der Saale", cat: "Umwelt und Grün", place: "Saaleufer zwischen Camsdorfer Brücke und Paradiesbrücke", age: 165, supports: 29, reach: 40, comments: 4,
		body: "Auf dem Weg an der Saale gibt es zwischen Camsdorfer Brücke und Paradiesbrücke fast keine Bänke. Für ältere Menschen ist der schöne Weg dadurch kaum nutzbar. Alle 200 Meter eine Bank wäre ein großer Gewinn.",
		answers: []answerStep{
			{stPlanned, 41, "Verzeihen Sie die lange Wartezeit – wir mussten die Zuständigkeit mit dem Kommunalservice Jena klären. Der KSJ stellt im Frühjahr acht neue Bänke auf; die Standorte sind mit dem Seniorenbeirat abgestimmt."},
			{stDone, 100, "Die acht neuen Bänke am Saaleufer stehen. Vielen Dank für die Idee!"},
		},
		talk: []string{"Meine Oma würde sich sehr freuen, sie schafft die Strecke nur mit Pausen."}},
	{key: "bibliothek", title: "Längere Öffnungszeiten der Stadtbibliothek", cat: "Kultur und Freizeit", place: "Ernst-Abbe-Bücherei, Engelplatz", age: 140, supports: 26, reach: 50, comments: 5,
		body: "Die Ernst-Abbe-Bücherei schließt abends früh und ist sonntags zu. Für Berufstätige und Studierende sind längere Öffnungszeiten wichtig. Viele Städte haben Open-Library-Konzepte mit Selbstbedienung außerhalb der Servicezeiten.",
		answers: []answerStep{
			{stReview, 6, "Die Bibliothek prüft ein Open-Library-Modell: Zugang mit dem Bibliotheksausweis auch ohne Personal."},
			{stProgress, 22, "Die Bibliothek wird zur Open Library: Ab dem kommenden Jahr ist sie mit dem Ausweis täglich von 8 bis 22 Uhr zugänglich, auch sonntags. Zugangstechnik und Selbstverbuchung werden gerade eingebaut."},
		}},

	// Answered below the threshold.
	{key: "erika", title: "Mehr Fahrradbügel am Holzmarkt", cat: "Verkehr", place: "Holzmarkt", age: 60, supports: 14, comments: 3,
		body: "Am Holzmarkt werden Fahrräder an jedem Geländer und Baum abgeschlossen, weil es zu wenige Bügel gibt. Mehr Fahrradbügel würden Ordnung schaffen und Fußwege freihalten.",
		answers: []answerStep{
			{stReview, 6, "Danke! Der Fachdienst Mobilität schaut sich den Platz an."},
			{stPlanned, 20, "Im Frühjahr stellen wir zwölf zusätzliche Fahrradbügel an der Westseite des Holzmarkts auf."},
		}},
	{title: "Kita-Platz online vormerken", cat: "Digitale Verwaltung", age: 130, supports: 22, comments: 3,
		body: "Eltern müssen jede Kita einzeln anrufen oder besuchen, um ihr Kind vorzumerken. Ein gemeinsames Portal, in dem man Wunsch-Kitas auswählt und den Stand sieht, würde Eltern und Kitas viel Arbeit sparen.",
		answers: []answerStep{
			{stPlanned, 15, "Das Jugendamt führt ein zentrales Kita-Portal ein, in dem Sie bis zu fünf Wunsch-Einrichtungen angeben."},
			{stDone, 60, "Das Kita-Portal ist online: Vormerkung, Stand und Zusage finden Sie jetzt an einem Ort."},
		}},
	{title: "Sperrmüll-Termin online buchen", cat: "Digitale Verwaltung", age: 100, supports: 18, comments: 2,
		body: "Für die Sperrmüllabholung muss man beim Kommunalservice anrufen, und die Leitung ist oft besetzt. Ein Online-Formular mit Terminauswahl wäre deutlich einfacher.",
		answers: []answerStep{
			{stDone, 12, "Das geht bereits: Der Kommunalservice Jena bietet die Sperrmüllanmeldung online an. Wir haben den Link auf der Leistungsseite und in der Abfall-App deutlicher gemacht."},
		}},
	{title: "Kostenloses WLAN in Straßenbahnen", cat: "Verkehr", age: 90, supports: 16, comments: 4,
		body: "In vielen Städten gibt es WLAN in Bussen und Bahnen. Das wäre für Pendler, Studierende und Gäste der Stadt praktisch, gerade auf den längeren Strecken nach Lobeda und Winzerla.",
		answers: []answerStep{
			{stRejected, 20, "Der Jenaer Nahverkehr hat WLAN in den Fahrzeugen geprüft. Die laufenden Kosten stehen in keinem Verhältnis zur Nutzung, weil fast alle Fahrgäste mobile Daten nutzen. Kostenloses WLAN gibt es an den Haltestellen Stadtzentrum und Paradiesbahnhof."},
		}},
	{title: "Gemeinschaftsbeete in Winzerla", cat: "Umwelt und Grün", place: "Winzerla", age: 80, supports: 12, comments: 3,
		body: "In Winzerla gibt es viele Rasenflächen zwischen den Wohnblöcken, die kaum genutzt werden. Hochbeete zum gemeinsamen Gärtnern würden Nachbarn zusammenbringen und wären auch für Kinder schön.",
		answers: []answerStep{
			{stProgress, 30, "jenawohnen stellt eine Fläche an der Anna-Siemsen-Straße zur Verfügung, ein Stadtteilverein übernimmt die Beete. Der Boden wird gerade vorbereitet, im Frühjahr geht es los."},
		}},
	{title: "Frühschwimmen in der Schwimmhalle Lobeda", cat: "Kultur und Freizeit", place: "Schwimmhalle Lobeda-West", age: 70, supports: 21, comments: 2,
		body: "Viele Berufstätige würden gern vor der Arbeit schwimmen. Die Schwimmhalle in Lobeda öffnet aber erst um 10 Uhr. An zwei Tagen pro Woche ab 6 Uhr zu öffnen wäre ein Anfang.",
		answers: []answerStep{
			{stReview, 10, "Die Stadtwerke prüfen mit dem Bäderbetrieb, ob sich Frühschwimmen ab 6 Uhr personell abdecken lässt."},
		}},
	{title: "Leistungsbeschreibungen in Leichter Sprache", cat: "Soziales", age: 50, supports: 19, comments: 2,
		body: "Viele Texte der Stadtverwaltung sind schwer verständlich. Menschen mit Lernschwierigkeiten, aber auch Menschen, die gerade Deutsch lernen, würden von Texten in Leichter Sprache profitieren.",
		answers: []answerStep{
			{stPlanned, 14, "Wir übersetzen die zwanzig meistgenutzten Leistungsbeschreibungen in Leichte Sprache, gemeinsam mit Prüferinnen und Prüfern der Lebenshilfe Jena."},
		}},
	{title: "Abfuhrtermine als Erinnerung aufs Handy", cat: "Digitale Verwaltung", age: 140, supports: 15, comments: 2,
		body: "Ich vergesse regelmäßig, die gelbe Tonne rauszustellen. Eine Erinnerung am Vorabend, per App oder als Kalenderdatei, wäre sehr praktisch.",
		answers: []answerStep{
			{stDone, 30, "Den Abfuhrkalender gibt es jetzt als Kalenderdatei zum Abonnieren und in der Abfall-App mit Erinnerung am Vorabend."},
		}},
	{title: "Graffiti am Saalbahnhof schneller entfernen", cat: "Stadtbild und Sauberkeit", place: "Saalbahnhof", age: 35, supports: 9, comments: 2,
		body: "Die Unterführung am Saalbahnhof ist seit Monaten vollgesprüht. Das wirkt ungepflegt und unsicher. Gibt es einen Plan, wie schnell Schmierereien an städtischen Flächen entfernt werden?",
		answers: []answerStep{
			{stReview, 5, "Die Unterführung gehört zum Teil der Deutschen Bahn. Wir klären, wer welche Wände reinigt, und melden uns."},
		}},
	{title: "Ausweis abholen am Abholterminal", cat: "Digitale Verwaltung", age: 45, supports: 23, comments: 3,
		body: "Für die Abholung des neuen Personalausweises braucht man wieder einen Termin. In anderen Städten gibt es Abholterminals, an denen man Ausweis oder Pass mit einer PIN rund um die Uhr abholt.",
		answers: []answerStep{
			{stPlanned, 10, "Wir stellen im Bürgerservice am Markt ein Abholterminal auf: Ausweise und Pässe holen Sie dann mit PIN ab, auch außerhalb der Öffnungszeiten."},
		}},
	{title: "Zebrastreifen an der Haltestelle Holzmarkt", cat: "Verkehr", place: "Holzmarkt", age: 85, supports: 11, comments: 3,
		body: "An der Haltestelle Holzmarkt laufen viele Menschen über die Straße, um die Bahn noch zu erreichen. Ein Zebrastreifen würde das sicherer machen.",
		answers: []answerStep{
			{stRejected, 18, "Ein Fußgängerüberweg ist über Straßenbahngleisen nach den Richtlinien nicht zulässig. Wir haben stattdessen die Wartezeit der Fußgängerampel an der Haltestelle von 60 auf 35 Sekunden verkürzt."},
		}},

	// Waiting for an answer.
	{title: "Handyparken in allen Parkzonen", cat: "Verkehr", age: 28, supports: 20, comments: 2,
		body: "Parkscheine per App gehen bisher nur in einigen Zonen. Bitte überall ermöglichen, damit man nicht nach Kleingeld suchen muss."},
	{title: "Tempo 30 nachts in der Karl-Liebknecht-Straße", cat: "Verkehr", place: "Karl-Liebknecht-Straße", age: 64, supports: 17, comments: 5,
		body: "Nachts wird in der Karl-Liebknecht-Straße oft schnell gefahren, die Anwohnenden können schlecht schlafen. Tempo 30 von 22 bis 6 Uhr würde den Lärm deutlich mindern."},
	{title: "Mehr Straßenbäume in Lobeda-West", cat: "Umwelt und Grün", place: "Lobeda-West", age: 55, supports: 13, comments: 2,
		body: "Viele Straßen in Lobeda-West haben kaum Bäume, im Sommer heizt sich der Asphalt stark auf. Neue Straßenbäume würden Schatten spenden und das Stadtteilklima verbessern."},
	{title: "Hundekotbeutel am Aufstieg zum Jenzig", cat: "Stadtbild und Sauberkeit", place: "Jenzig", age: 22, supports: 6, comments: 1,
		body: "Am Wanderweg zum Jenzig gibt es keine Spender für Hundekotbeutel und keine Mülleimer. Entsprechend sieht der Weg aus. Zwei Spender am Anfang des Weges würden schon helfen."},
	{title: "Anwohnerparkausweis online verlängern", cat: "Digitale Verwaltung", age: 33, supports: 19, comments: 2,
		body: "Jedes Jahr muss ich für die Verlängerung des Anwohnerparkausweises ins Amt. Die Daten sind doch alle bekannt – eine Verlängerung mit wenigen Klicks und Zahlung online wäre ideal."},
	{title: "Beleuchtung der Wege im Paradiespark", cat: "Stadtbild und Sauberkeit", place: "Paradiespark", age: 48, supports: 11, comments: 3,
		body: "Im Winter ist es schon um 17 Uhr dunkel, und die Wege im Paradiespark sind kaum beleuchtet. Viele fühlen sich dort abends unsicher. Sparsame LED-Leuchten an den Hauptwegen wären gut."},
	{title: "Open-Air-Kino am Theaterhaus", cat: "Kultur und Freizeit", place: "Theaterhaus Jena", age: 118, supports: 8, comments: 2,
		body: "Im Sommer könnte man auf dem Platz vor dem Theaterhaus einmal pro Woche Filme zeigen, vielleicht in Kooperation mit den Jenaer Kinos."},
	{title: "Skatepark in Winzerla erneuern", cat: "Kultur und Freizeit", place: "Winzerla", age: 92, supports: 14, comments: 3,
		body: "Die Rampen im Skatepark Winzerla sind kaputt und teilweise gesperrt. Jugendliche haben kaum andere Treffpunkte im Stadtteil. Eine Erneuerung mit Beteiligung der Jugendlichen wäre toll."},
	{title: "Sprechstunde des Bürgerservice in Lobeda", cat: "Soziales", place: "Lobeda", age: 77, supports: 10, comments: 2,
		body: "Für ältere Menschen in Lobeda ist der Weg ins Zentrum weit. Eine mobile Sprechstunde des Bürgerservice, etwa einmal im Monat im Stadtteilzentrum, wäre eine große Hilfe."},
	{title: "Gebührenbescheide als E-Rechnung", cat: "Digitale Verwaltung", age: 15, supports: 5, comments: 1,
		body: "Als kleines Unternehmen bekomme ich Gebührenbescheide immer noch per Post. Bitte bieten Sie E-Rechnungen an, die sich direkt in die Buchhaltung übernehmen lassen."},
	{title: "Mehr Mülleimer auf dem Marktplatz", cat: "Stadtbild und Sauberkeit", place: "Markt", age: 12, supports: 4, comments: 1,
		body: "Nach Markttagen und an Wochenenden quellen die wenigen Mülleimer auf dem Markt über. Zusätzliche Behälter, am besten mit Deckel gegen Krähen, wären gut."},
	{title: "Gemeinschaftsgarten auf dem Inselplatz", cat: "Umwelt und Grün", place: "Inselplatz", age: 125, supports: 7, comments: 2,
		body: "Bis der Inselplatz bebaut ist, könnte ein Teil der Fläche als Gemeinschaftsgarten genutzt werden, zum Beispiel mit mobilen Hochbeeten."},
	{title: "Straßenbahn nach Winzerla sonntags öfter", cat: "Verkehr", place: "Winzerla", age: 66, supports: 12, comments: 2,
		body: "Sonntags fährt die Bahn nach Winzerla nur alle 30 Minuten. Gerade für Ausflüge und Besuche wäre ein 15-Minuten-Takt am Nachmittag viel besser."},
	{title: "Mietspiegel als interaktive Karte", cat: "Digitale Verwaltung", age: 9, supports: 3, comments: 1,
		body: "Der Mietspiegel ist ein langes PDF. Eine Karte, in der man seine Adresse eingibt und die Vergleichsmiete sieht, wäre viel verständlicher."},
	{title: "Wasserspielplatz im Volkspark Oberaue", cat: "Kultur und Freizeit", place: "Volkspark Oberaue", age: 102, supports: 15, comments: 3,
		body: "Im Sommer fehlt in Jena ein Ort, an dem Kinder mit Wasser spielen können. Im Volkspark Oberaue wäre Platz für einen kleinen Wasserspielplatz mit Pumpe und Matschbereich."},
	{title: "Seniorentreff in Jena-Nord", cat: "Soziales", place: "Jena-Nord", age: 88, supports: 6, comments: 2,
		body: "In Jena-Nord gibt es keinen Treffpunkt für ältere Menschen. Ein Raum mit Kaffee, Spielen und Beratung an zwei Nachmittagen pro Woche würde gegen Einsamkeit helfen."},
	{title: "Kulturarena: ermäßigte Tickets für Azubis", cat: "Kultur und Freizeit", age: 145, supports: 9, comments: 2,
		body: "Studierende bekommen Ermäßigung bei der Kulturarena, Auszubildende nicht immer. Bitte die Ermäßigung für alle in Ausbildung anbieten."},
	{title: "Bescheide als PDF im Bürgerkonto", cat: "Digitale Verwaltung", age: 58, supports: 16, comments: 3,
		body: "Wenn ich einen Antrag online stelle, kommt der Bescheid trotzdem per Post. Bitte stellen Sie Bescheide auch als PDF ins Postfach des Bürgerkontos."},
	{title: "Längere Grünphase für Fußgänger am Westbahnhof", cat: "Verkehr", place: "Westbahnhof", age: 73, supports: 8, comments: 1,
		body: "Die Ampel am Westbahnhof ist für Fußgänger so kurz grün, dass man mit Kinderwagen oder Rollator die Straße kaum schafft."},
	{title: "Blühwiesen statt Rasen an der Stadtrodaer Straße", cat: "Umwelt und Grün", place: "Stadtrodaer Straße", age: 135, supports: 10, comments: 2,
		body: "Die Grünstreifen an der Stadtrodaer Straße werden oft gemäht und sind artenarm. Blühwiesen wären gut für Insekten und sparen Pflegekosten."},
	{title: "Kostenlose Hygieneartikel in öffentlichen Toiletten", cat: "Soziales", age: 38, supports: 7, comments: 2,
		body: "Andere Städte stellen in öffentlichen Toiletten und Schulen kostenlos Menstruationsartikel bereit. Das wäre auch in Jena ein wichtiges Zeichen."},
	{title: "Carsharing-Stellplätze in Lobeda-Ost", cat: "Verkehr", place: "Lobeda-Ost", age: 26, supports: 5, comments: 1,
		body: "In Lobeda-Ost gibt es keine Carsharing-Station. Wer kein eigenes Auto hat, muss ins Zentrum fahren. Zwei oder drei Stellplätze an der Haltestelle wären ein Anfang."},
	{title: "Stadtteilbibliothek Winzerla länger öffnen", cat: "Kultur und Freizeit", place: "Winzerla", age: 18, supports: 4, comments: 1,
		body: "Die Stadtteilbibliothek in Winzerla ist nur an drei Tagen geöffnet. Für Schulkinder im Stadtteil wären mehr Öffnungstage wichtig."},
	{title: "Sonnensegel über Spielplätzen", cat: "Umwelt und Grün", age: 96, supports: 11, comments: 2,
		body: "Auf vielen Spielplätzen gibt es keinen Schatten. Im Sommer sind Rutschen und Sand zu heiß. Sonnensegel über den Sandkästen würden Kinder schützen."},
	{title: "Barrierefreier Zugang zum Saalbahnhof", cat: "Verkehr", place: "Saalbahnhof", age: 108, supports: 18, comments: 3,
		body: "Der Saalbahnhof hat keinen Aufzug zu den Bahnsteigen. Bitte setzen Sie sich bei der Bahn dafür ein – mit Rollstuhl, Kinderwagen oder Koffer ist der Bahnhof kaum nutzbar."},
	{title: "Ferienfreizeiten online anmelden", cat: "Digitale Verwaltung", age: 42, supports: 6, comments: 1,
		body: "Für die städtischen Ferienfreizeiten muss man sich an einem Stichtag vor Ort anstellen. Eine Online-Anmeldung mit fairer Verlosung wäre gerechter."},
	{title: "Mehr Konzerte im Paradiespark im Sommer", cat: "Kultur und Freizeit", place: "Paradiespark", age: 7, supports: 3, comments: 1,
		body: "Kleine Konzerte am Sonntagnachmittag im Paradiespark, zum Beispiel mit Schulbands und der Musikschule, würden den Park beleben."},
	{title: "Winterdienst auf Radwegen zuerst", cat: "Verkehr", age: 160, supports: 9, comments: 2,
		body: "Im Winter werden die Radwege oft erst Tage nach den Straßen geräumt. Die Hauptrouten für Räder sollten genauso früh geräumt werden wie die Fahrbahnen."},
	{title: "Leere Läden in der Johannisstraße für Kunst nutzen", cat: "Kultur und Freizeit", place: "Johannisstraße", age: 52, supports: 5, comments: 2,
		body: "In der Johannisstraße stehen mehrere Läden leer. Die Stadt könnte zwischen Eigentümern und Kunstschaffenden vermitteln, damit dort Ausstellungen auf Zeit stattfinden."},
	{title: "Nachbarschaftshilfe-Börse der Stadt", cat: "Soziales", age: 4, supports: 2, comments: 1,
		body: "Eine einfache Plattform, auf der Nachbarn Hilfe anbieten und suchen – Einkaufen, Begleitung zum Arzt, kleine Reparaturen –, würde viele zusammenbringen."},
	{title: "Fundbüro online durchsuchen", cat: "Digitale Verwaltung", age: 81, supports: 8, comments: 1,
		body: "Wer etwas verloren hat, muss beim Fundbüro anrufen oder vorbeigehen. Eine Online-Liste der Fundsachen, ohne persönliche Angaben, würde viele Wege sparen."},
	{title: "Grillplatz an der Saale in Burgau", cat: "Kultur und Freizeit", place: "Burgau", age: 3, supports: 1,
		body: "An der Saale in Burgau wird im Sommer ohnehin gegrillt. Ein offizieller Grillplatz mit Müllbehältern würde für Ordnung sorgen."},
	{title: "Baumpatenschaften für Straßenbäume", cat: "Umwelt und Grün", age: 112, supports: 6, comments: 2,
		body: "Viele würden im Sommer gern die Straßenbäume vor ihrem Haus gießen. Die Stadt könnte Patenschaften anbieten und Gießsäcke ausgeben."},
	{title: "Wartezeit im Bürgerservice live anzeigen", cat: "Digitale Verwaltung", age: 62, supports: 12, comments: 2,
		body: "Wer ohne Termin in den Bürgerservice kommt, weiß nie, wie lange es dauert. Eine Anzeige der aktuellen Wartezeit auf der Website wäre sehr hilfreich."},
	{title: "Fahrradreparaturstation am Paradiesbahnhof", cat: "Verkehr", place: "Paradiesbahnhof", age: 30, supports: 7, comments: 1,
		body: "Eine öffentliche Reparaturstation mit Luftpumpe und Werkzeug am Paradiesbahnhof würde Pendlern helfen, die mit dem Rad zum Zug fahren."},
	{title: "Schulweg an der Kastanienstraße sichern", cat: "Verkehr", place: "Kastanienstraße", age: 2,
		body: "Morgens halten an der Kastanienstraße viele Eltern-Taxis direkt vor der Schule, Kinder laufen zwischen den Autos durch. Eine Hol- und Bringzone etwas entfernt wäre sicherer."},

	// For the moderators.
	{key: "duplikat", title: "Wohngeldantrag endlich digital", cat: "Digitale Verwaltung", age: 120, supports: 6, comments: 1, window: 3,
		body: "Warum muss man den Wohngeldantrag immer noch auf Papier abgeben? Das sollte online gehen, mit Upload der Kontoauszüge und Mietbescheinigung."},
	{key: "kennzeichen", title: "Falschparker in der Jenergasse", cat: "Verkehr", place: "Jenergasse", age: 24,
		body: "Der blaue Transporter mit dem Kennzeichen J-KL 482 parkt jeden Tag auf dem Gehweg vor Hausnummer 12. Der Fahrer wohnt gegenüber. Bitte endlich abschleppen!"},
	{key: "links", title: "Radverkehrskonzepte anderer Städte übernehmen", cat: "Verkehr", age: 1,
		body: "Andere Städte sind viel weiter, zum Beispiel https://radverkehr.example/muenster, https://radverkehr.example/karlsruhe und https://radverkehr.example/leipzig. Jena sollte sich daran ein Beispiel nehmen."},
	{key: "benzin", title: "Benzinpreise in Jena senken", cat: "Verkehr", age: 5, supports: 2, comments: 1,
		body: "Tanken ist in Jena teurer als im Umland. Die Stadt soll dafür sorgen, dass die Preise an den Tankstellen sinken."},
}

// commentPool are citizens' comments that fit most ideas.
var commentPool = []string{
	"Sehr gute Idee, das würde vielen helfen.",
	"Unterstütze ich voll und ganz.",
	"Endlich sagt es mal jemand!",
	"Gibt es dazu schon Erfahrungen aus anderen Städten?",
	"Klingt gut, aber was kostet das und wer bezahlt es?",
	"Das wünsche ich mir schon lange.",
	"Wäre schön, wenn das nicht nur im Zentrum, sondern auch in den Stadtteilen kommt.",
	"Ich bin skeptisch, ob das wirklich genutzt wird.",
	"Gerade für Familien mit kleinen Kindern wäre das eine Erleichterung.",
	"Bitte dabei an Barrierefreiheit denken.",
	"Ich habe das in Erfurt gesehen, dort funktioniert es gut.",
	"Wichtiges Thema, danke fürs Einbringen!",
	"Da bin ich dabei. Kann man irgendwie mithelfen?",
	"Ich finde, es gibt dringendere Baustellen in der Stadt.",
	"Wäre auch für Gäste der Stadt ein gutes Zeichen.",
}

// replyPool are replies to another comment.
var replyPool = []string{
	"Sehe ich genauso.",
	"Das stimmt, daran hatte ich nicht gedacht.",
	"Ich sehe das anders, aber ein Versuch wäre es wert.",
	"Gute Frage – vielleicht kann die Stadt dazu etwas sagen.",
	"Danke für die Info!",
	"Genau, und es muss auch gepflegt werden.",
	"In Weimar gibt es das schon, soweit ich weiß.",
	"Das wäre der erste Schritt.",
}

// hiddenPlans are what the moderators hid, with the public reasons.
var hiddenPlans = []hiddenPlan{
	{key: "nachtbus", ago: 62, text: "Wer das ablehnt, sind doch Idioten, die nachts nie unterwegs sind.",
		reason: "Der Beitrag war beleidigend. Bitte bleiben Sie sachlich (Netiquette, Regel 2)."},
	{key: "radweg", ago: 120, report: "personal_data",
		text:   "Ruft einfach Herrn Meier im Tiefbauamt an, privat 0176 5550123, der kümmert sich sofort.",
		reason: "Der Beitrag enthielt die private Telefonnummer einer Person."},
	{key: "trinkbrunnen", ago: 90, report: "spam",
		text:   "Wasserspender für Büro und Zuhause gibt es günstig bei AquaFrisch Thüringen, jetzt Angebot anfragen!",
		reason: "Werbung ist in der Beteiligung nicht erlaubt."},
	{key: "kennzeichen", ago: 24, report: "personal_data",
		reason: "Die Idee nannte ein Kennzeichen und damit eine bestimmbare Person. Falschparken melden Sie bitte direkt dem Ordnungsamt."},
}

// openReports wait in the moderation queue (with the pending idea's
// automatic flag).
var openReports = []reportPlan{
	{key: "nachtbus", hours: 30, text: "Wer nachts Bus fahren will, soll halt Taxi zahlen. Typisch Studenten.",
		reason: "offensive", note: "Abwertend gegenüber Studierenden."},
	{key: "benzin", hours: 50, reason: "off_topic", note: "Dafür ist die Stadt nicht zuständig."},
}
