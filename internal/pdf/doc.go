// Package pdf writes simple, text-only PDF 1.7 documents: receipts with
// the answers of an application and decision documents built from
// templates. It uses only the standard library.
//
// A Document is a list of blocks (headings, paragraphs, label/value rows,
// tables, spacers and page breaks). Render lays them out on A4 portrait
// pages with 20 mm margins, a header line with the city name and a
// translated page footer such as "Seite 1 von 3".
//
// Text is set in the standard fonts Helvetica and Helvetica-Bold with
// WinAnsiEncoding (Windows code page 1252), so German text including
// ä ö ü ß € „ “ – … is shown correctly without embedding a font. Characters
// outside code page 1252 are printed as '?'; Unsupported reports them so a
// caller can decide what to do.
//
// Accessibility: the output is tagged PDF with a basic logical structure
// (Document, H1-H3, P, L/LI/Lbl/LBody for label/value rows, Table/TR/TH/TD;
// header, footer, rules and repeated table headers are artifacts), /Lang,
// /MarkInfo and a title that viewers show. It is NOT PDF/UA: the standard
// fonts are not embedded and no validator (veraPDF, PAC) has checked it.
// Always offer the HTML version of a receipt or decision next to the PDF;
// that is the accessible one.
package pdf
