package payment

import "testing"

// ecLevelOf reads the error correction level from the format information
// next to the top-left finder pattern (ISO/IEC 18004, 7.9): 15 bits, BCH
// coded and masked with 101010000010010. It returns "" when the bits are not
// a valid format word. The reading order is the one of ZXing's decoder.
func ecLevelOf(black func(x, y int) bool) string {
	bit := func(x, y int) int {
		if black(x, y) {
			return 1
		}
		return 0
	}
	bits := 0
	for x := 0; x < 6; x++ {
		bits = bits<<1 | bit(x, 8)
	}
	bits = bits<<1 | bit(7, 8)
	bits = bits<<1 | bit(8, 8)
	bits = bits<<1 | bit(8, 7)
	for y := 5; y >= 0; y-- {
		bits = bits<<1 | bit(8, y)
	}
	for data := 0; data < 32; data++ {
		rem := data << 10
		for i := 14; i >= 10; i-- {
			if rem&(1<<i) != 0 {
				rem ^= 0x537 << (i - 10)
			}
		}
		if (data<<10|rem)^0x5412 == bits {
			return [4]string{"M", "L", "H", "Q"}[data>>3]
		}
	}
	return ""
}

// The EPC guideline fixes error correction level M; the code must say so.
func TestQRLevelM(t *testing.T) {
	code, _, err := QRCode(jenaBill())
	if err != nil {
		t.Fatal(err)
	}
	if got := ecLevelOf(code.Black); got != "M" {
		t.Errorf("error correction level %q, want M", got)
	}
}
