package search

import "strings"

// stopWords are dropped from documents and queries: the Snowball German
// list, question words citizens start with, and a few English ones. Entries
// are folded like every other word. Words that carry a concern on their own
// ("weg", "neu", "kein") are deliberately absent.
var stopWords = buildStopWords(`
aber alle allem allen aller alles als also am an ander andere anderem anderen
anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da
damit dann das dass dasselbe dazu dein deine deinem deinen deiner deines dem
demselben den denn denselben der derer derselbe derselben des desselben
dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir
doch dort du durch ein eine einem einen einer eines einig einige einigem
einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer
eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich
ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem
jeden jeder jedes jene jenem jenen jener jenes jetzt kann können könnte mache
machen man manche manchem manchen mancher manches mein meine meinem meinen
meiner meines mich mir mit muss musste möchte nach nun nur ob oder ohne sehr
sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem
solchen solcher solches soll sollte sondern sonst über um und uns unsere
unserem unseren unser unseres unter viel vom von vor war waren warst was weil
welche welchem welchen welcher welches wenn werde werden wie wieder will wir
wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen
wann warum wer wen wem wieso weshalb woher wohin bitte gibt brauche
the a an of to for and or in on my i how what is do does
`)

func buildStopWords(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[fold(w)] = true
	}
	return m
}
