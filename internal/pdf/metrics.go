package pdf

// font selects one of the two standard fonts used.
type font int

const (
	regular font = iota // Helvetica, resource /F1
	bold                // Helvetica-Bold, resource /F2
)

func (f font) resource() string {
	if f == bold {
		return "F2"
	}
	return "F1"
}

// Glyph widths in 1/1000 of the font size, indexed by WinAnsiEncoding
// byte, from the Adobe Core 14 AFM files Helvetica.afm and
// Helvetica-Bold.afm (WX values). Codes without a glyph are 0; encode never
// produces them.
var helveticaWidths = [256]uint16{
	// 0x00-0x1F: control characters
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	// 0x20 space ! " # $ % & ' ( ) * + , - . /
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	// 0x30 0-9 : ; < = > ?
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	// 0x40 @ A-O
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	// 0x50 P-Z [ \ ] ^ _
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	// 0x60 ` a-o
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	// 0x70 p-z { | } ~ (DEL)
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
	// 0x80 Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl
	//      circumflex perthousand Scaron guilsinglleft OE - Zcaron -
	556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
	// 0x90 - quoteleft quoteright quotedblleft quotedblright bullet endash emdash
	//      tilde trademark scaron guilsinglright oe - zcaron Ydieresis
	0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
	// 0xA0 space exclamdown cent sterling currency yen brokenbar section
	//      dieresis copyright ordfeminine guillemotleft logicalnot hyphen registered macron
	278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
	// 0xB0 degree plusminus twosuperior threesuperior acute mu paragraph periodcentered
	//      cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown
	400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
	// 0xC0 Agrave-Idieresis
	667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
	// 0xD0 Eth-germandbls
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
	// 0xE0 agrave-idieresis
	556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
	// 0xF0 eth-ydieresis
	556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
}

var helveticaBoldWidths = [256]uint16{
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	// 0x20
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
	// 0x30
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
	// 0x40
	975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
	// 0x50
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
	// 0x60
	333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
	// 0x70
	611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
	// 0x80
	556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
	// 0x90
	0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
	// 0xA0
	278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
	// 0xB0
	400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
	// 0xC0
	722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
	// 0xD0
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
	// 0xE0
	556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
	// 0xF0
	611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
}

// width returns the width in points of the encoded text b set in f at size.
func width(f font, size float64, b []byte) float64 {
	table := &helveticaWidths
	if f == bold {
		table = &helveticaBoldWidths
	}
	var sum int
	for _, c := range b {
		sum += int(table[c])
	}
	return float64(sum) * size / 1000
}
