package pdftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// DecodeQR rasterises a PDF with pdftoppm and decodes its QR codes with
// zbarimg, both real programs (poppler-utils, zbar-tools). It skips when
// they are missing unless RATHAUS_REQUIRE_QRTOOLS is set.
func DecodeQR(t testing.TB, pdfBytes []byte) string {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("RATHAUS_REQUIRE_QRTOOLS") != "" {
				t.Fatalf("%s is missing (poppler-utils, zbar-tools) and RATHAUS_REQUIRE_QRTOOLS is set", tool)
			}
			t.Skipf("%s is missing: install poppler-utils and zbar-tools", tool)
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "poster.pdf")
	if err := os.WriteFile(in, pdfBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "100", "-png", "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command("zbarimg", "-q", "--raw", filepath.Join(dir, "page.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	return strings.TrimSpace(string(out))
}
