package minutes

import "strings"

// Tables in the DOCX: the full width of the text, bordered, laid out with
// fixed column widths (so a 500-letter word breaks inside its cell instead
// of widening the table off the page), a header row that Word and
// LibreOffice repeat at the top of every page the table runs on to, and
// rows that are never split across pages.

const (
	// docxCellPad is the space inside a cell, left and right, in twips.
	docxCellPad = 85
	// docxTableSize is the tables' text size in half-points (9 pt).
	docxTableSize = 18
)

// table writes a table: the header row, then the rows, each as wide as the
// header. A row whose action is overdue has its status in bold.
func (w *docxWriter) table(header []string, rows [][]string, overdue []bool) {
	rows = docxCells(header, rows)
	w.tableOf(header, rows, docxColumns(header, rows), overdue)
}

// tableOf writes a table of cells as they print, its columns widths wide
// (adding up to docxTextWidth).
func (w *docxWriter) tableOf(header []string, rows [][]string, widths []int, overdue []bool) {
	border := &wBorder{Val: "single", Sz: 4, Space: 0, Color: "888888"}
	pad := &wWidth{W: docxCellPad, Type: "dxa"}
	edge := &wWidth{W: 20, Type: "dxa"}
	t := wTbl{TblPr: wTblPr{
		W:       wWidth{W: 5000, Type: "pct"}, // 100% of the text width
		Borders: &wBorders{Top: border, Left: border, Bottom: border, Right: border, InsideH: border, InsideV: border},
		Layout:  &wType{Type: "fixed"},
		CellMar: &wCellMar{Top: edge, Left: pad, Bottom: edge, Right: pad},
	}}
	for _, cw := range widths {
		t.Grid = append(t.Grid, wWidthCol{W: cw})
	}
	// What every cell of a kind shares is made once, not once a cell: a
	// decade meeting's tables are some ten thousand cells.
	headPPr, textPPr := &wPPr{Style: val(styleTableHeading)}, &wPPr{Style: val(styleTableText)}
	shade := &wShd{Val: "clear", Color: "auto", Fill: "E8E8E8"}
	headTrPr, rowTrPr := &wTrPr{CantSplit: on, TblHeader: on}, &wTrPr{CantSplit: on}
	bold := &wRPr{Bold: on}
	cell := func(i int, ppr *wPPr, s string, rpr *wRPr, shd *wShd) wTc {
		return wTc{TcPr: wTcPr{W: wWidth{W: widths[i], Type: "dxa"}, Shd: shd},
			Paras: []wP{{PPr: ppr, Items: []any{textRun(s, rpr)}}}}
	}
	t.Rows = make([]wTr, 0, len(rows)+1)
	head := wTr{TrPr: headTrPr, Cells: make([]wTc, 0, len(header))}
	for i, h := range header {
		head.Cells = append(head.Cells, cell(i, headPPr, h, nil, shade))
	}
	t.Rows = append(t.Rows, head)
	for r, cells := range rows {
		row := wTr{TrPr: rowTrPr, Cells: make([]wTc, 0, len(header))}
		for i, h := range header {
			var rpr *wRPr
			if h == "Status" && r < len(overdue) && overdue[r] {
				rpr = bold
			}
			row.Cells = append(row.Cells, cell(i, textPPr, cells[i], rpr, nil))
		}
		t.Rows = append(t.Rows, row)
	}
	w.blocks = append(w.blocks, t)
}

// docxCells is the rows as the cells print them: each cell cleaned to one
// line, as many cells as the header has, a date's spaces no-break spaces
// (a date never breaks across lines).
func docxCells(header []string, rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for r, cells := range rows {
		out[r] = make([]string, len(header))
		for i, h := range header {
			if i >= len(cells) {
				continue
			}
			out[r][i] = line(cells[i])
			if h == "Due" {
				out[r][i] = strings.ReplaceAll(out[r][i], " ", "\u00a0")
			}
		}
	}
	return out
}

// docxColumns is each column's width in twips, adding up to the text's
// width, for rows as docxCells gives them. A column the tool fills (ref,
// hotspot, due date, status) is at
// least as wide as its widest word, so a ref or a date is never broken
// (A-60000 in a decade's record is wider than the HTML's 7%); the columns
// of typed words share what is left by their HTML shares (columnShare).
func docxColumns(header []string, rows [][]string) []int {
	widths := make([]int, len(header))
	fixed, flexShares := 0, 0
	for i, h := range header {
		share := columnShare(h, len(header))
		switch h {
		case "Ref", "Hotspot", "Due", "Status":
			need := widestWord(h, docxTableSize, true)
			for _, r := range rows {
				if i < len(r) {
					need = max(need, widestWord(r[i], docxTableSize, h == "Status"))
				}
			}
			widths[i] = max(share*docxTextWidth/100, need+2*docxCellPad)
			fixed += widths[i]
		default:
			flexShares += share
		}
	}
	left := max(docxTextWidth-fixed, 0)
	last := -1
	for i, h := range header {
		if widths[i] == 0 {
			widths[i] = left * columnShare(h, len(header)) / max(flexShares, 1)
			last = i
		}
	}
	// Rounding goes to the last column of words, so the grid is exactly
	// the text's width.
	sum := 0
	for _, cw := range widths {
		sum += cw
	}
	if last >= 0 {
		widths[last] += docxTextWidth - sum
	}
	return widths
}

// widestWord is the width in twips of the widest word of s (words split at
// ordinary spaces; a no-break space joins) at size half-points, bold or
// not.
func widestWord(s string, size int, bold bool) int {
	widest := 0
	for _, word := range strings.Split(s, " ") {
		widest = max(widest, textTwips(word, size, bold))
	}
	return widest
}

// textTwips estimates how wide s is printed at size half-points. It is a
// generous estimate, not a measurement: the minutes ask for Arial, and the
// reader's program may draw a wider font in its place (LibreOffice on a
// machine without Arial uses DejaVu Sans), so each character is counted at
// about the wider of the two, in thousandths of an em. Measuring would
// need the font files, which the minutes do not ship.
func textTwips(s string, size int, bold bool) int {
	em := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			em += 640
		case r == 'M' || r == 'W' || r == 'm' || r == 'w':
			em += 1000
		case r >= 'A' && r <= 'Z':
			em += 800
		case r == 'i' || r == 'l' || r == 'j' || r == 'f' || r == 't' || r == 'r':
			em += 420
		case r >= 'a' && r <= 'z':
			em += 650
		case r == ' ' || r == '\u00a0' || r == '.' || r == ',' || r == ':':
			em += 340
		case r == '-' || r == '(' || r == ')':
			em += 400
		default:
			em += 1000
		}
	}
	if bold {
		em = em * 11 / 10
	}
	// size half-points is size/2 pt, and a point is 20 twips.
	return em * size * 10 / 1000
}
