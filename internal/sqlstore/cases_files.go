package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/cases"
)

const fileWriteCols = "case_id, message_id, kind, question, file_key, name, content_type, size, sha256, created_at"

const fileCols = "id, " + fileWriteCols

// insertFiles writes files of a case (and of a message, when not nil),
// setting their IDs, CaseID and MessageID.
func (d *DB) insertFiles(ctx context.Context, q querier, caseID int64, messageID *int64, fs []cases.File) error {
	for i := range fs {
		f := &fs[i]
		f.CaseID, f.MessageID = caseID, messageID
		id, err := d.insertIDRaw(ctx, q, "INSERT INTO case_files ("+fileWriteCols+") VALUES ("+placeholders(10)+")",
			f.CaseID, f.MessageID, f.Kind, f.Question, f.Key, f.Name, f.ContentType, f.Size, f.SHA256, f.CreatedAt)
		if err != nil {
			return err
		}
		f.ID = id
		// The case holds the upload now; it is no longer one to clean up.
		if _, err := d.exec(ctx, q, "DELETE FROM uploads WHERE file_key = ?", f.Key); err != nil {
			return err
		}
	}
	return nil
}

func scanFile(row scanner) (cases.File, error) {
	var f cases.File
	var msg sql.NullInt64
	err := row.Scan(&f.ID, &f.CaseID, &msg, &f.Kind, &f.Question, &f.Key, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.CreatedAt)
	f.MessageID, f.CreatedAt = nullInt(msg), f.CreatedAt.UTC()
	return f, err
}

// CaseFiles lists every file of a case, those of messages too, in the
// order they were added.
func (d *DB) CaseFiles(ctx context.Context, caseID int64) ([]cases.File, error) {
	return list(ctx, d, scanFile, "SELECT "+fileCols+" FROM case_files WHERE case_id = ? ORDER BY id", caseID)
}

// AddMessage writes m with its files (their IDs set) and fx (its files
// belong to the case, not the message) in one transaction; NotFound
// without the case.
func (d *DB) AddMessage(ctx context.Context, m *cases.Message, fx cases.Effects) error {
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.caseExists(ctx, tx, m.CaseID); err != nil {
			return err
		}
		id, err := d.insertIDRaw(ctx, tx, "INSERT INTO case_messages (case_id, from_staff, author_id, body, at, read_at) VALUES (?, ?, ?, ?, ?, ?)",
			m.CaseID, m.FromStaff, m.AuthorID, m.Body, m.At, m.ReadAt)
		if err != nil {
			return err
		}
		m.ID = id
		if err := d.insertFiles(ctx, tx, m.CaseID, &id, m.Files); err != nil {
			return err
		}
		return d.writeCaseEffects(ctx, tx, m.CaseID, fx)
	})
	if err != nil {
		m.ID = 0
		resetFileIDs(fx.Files)
		for i := range m.Files {
			m.Files[i].ID, m.Files[i].MessageID = 0, nil
		}
	}
	return d.mapErr(err)
}

func scanCaseMessage(row scanner) (*cases.Message, error) {
	var m cases.Message
	var author sql.NullInt64
	var read sql.NullTime
	err := row.Scan(&m.ID, &m.CaseID, &m.FromStaff, &author, &m.Body, &m.At, &read)
	m.AuthorID, m.ReadAt, m.At = nullInt(author), nullTime(read), m.At.UTC()
	return &m, err
}

// Messages lists a case's mailbox with the files, oldest first.
func (d *DB) Messages(ctx context.Context, caseID int64) ([]cases.Message, error) {
	ms, err := list(ctx, d, scanCaseMessage, `SELECT id, case_id, from_staff, author_id, body, at, read_at
		FROM case_messages WHERE case_id = ? ORDER BY at, id`, caseID)
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	files, err := list(ctx, d, scanFile, "SELECT "+fileCols+" FROM case_files WHERE case_id = ? AND message_id IS NOT NULL ORDER BY id", caseID)
	if err != nil {
		return nil, err
	}
	byMessage := map[int64][]cases.File{}
	for _, f := range files {
		byMessage[*f.MessageID] = append(byMessage[*f.MessageID], f)
	}
	out := make([]cases.Message, len(ms))
	for i, m := range ms {
		m.Files = byMessage[m.ID]
		out[i] = *m
	}
	return out, nil
}

// MarkMessagesRead marks the unread messages of one side of a case read.
func (d *DB) MarkMessagesRead(ctx context.Context, caseID int64, fromStaff bool, at time.Time) error {
	_, err := d.exec(ctx, d.db, "UPDATE case_messages SET read_at = ? WHERE case_id = ? AND from_staff = ? AND read_at IS NULL",
		at, caseID, fromStaff)
	return err
}
