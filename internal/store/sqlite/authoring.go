package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"

	"github.com/openline/openline/internal/openline"
)

// CreateDraft stores d and sets d.ID, unless its creator has maxPerUser
// drafts already (ErrTooManyDrafts) or does not exist (ErrNotFound).
func (s *Store) CreateDraft(ctx context.Context, d *openline.Draft, maxPerUser int) error {
	what := "create draft"
	if d.CreatedAt.IsZero() || d.UpdatedAt.IsZero() {
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := userExists(ctx, tx, d.CreatedBy); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM scenario_drafts WHERE created_by = ?`, d.CreatedBy).Scan(&n); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n >= maxPerUser {
		return fmt.Errorf("%s: user %d has %d drafts: %w", what, d.CreatedBy, n, openline.ErrTooManyDrafts)
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO scenario_drafts (scenario_id, title, source, problems, created_by, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`,
		d.ScenarioID, d.Title, nonNil(d.Text), d.Problems, d.CreatedBy, millis(d.CreatedAt), millis(d.UpdatedAt))
	if err != nil {
		return translate(err, what)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	d.ID, d.Revision = id, 1
	return nil
}

// nonNil returns b, or an empty slice for nil (the columns are NOT NULL).
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// UpdateDraft replaces a draft's text and what its check found.
func (s *Store) UpdateDraft(ctx context.Context, d *openline.Draft) error {
	what := fmt.Sprintf("update draft %d", d.ID)
	if d.UpdatedAt.IsZero() {
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	res, err := s.w.ExecContext(ctx,
		`UPDATE scenario_drafts SET scenario_id = ?, title = ?, source = ?, problems = ?, updated_at = ?, revision = revision + 1
		 WHERE id = ? AND revision = ?`,
		d.ScenarioID, d.Title, nonNil(d.Text), d.Problems, millis(d.UpdatedAt), d.ID, d.Revision)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return s.draftMissedRevision(ctx, what, d.ID, d.Revision)
	}
	d.Revision++
	return nil
}

// draftMissedRevision is the error of a save of draft id on revision
// that changed nothing: ErrNotFound when the draft is gone, else
// ErrDraftChanged.
func (s *Store) draftMissedRevision(ctx context.Context, what string, id, revision int64) error {
	var now int64
	if err := s.w.QueryRowContext(ctx, `SELECT revision FROM scenario_drafts WHERE id = ?`, id).Scan(&now); err != nil {
		return translate(err, what)
	}
	return fmt.Errorf("%s: made on revision %d, the draft is at %d: %w", what, revision, now, openline.ErrDraftChanged)
}

const draftColumns = `d.id, d.scenario_id, d.title, d.problems, d.created_by, u.name, d.created_at, d.updated_at, d.revision`

func scanDraft(row scanner, extra ...any) (*openline.Draft, error) {
	var d openline.Draft
	var created, updated int64
	dest := append([]any{&d.ID, &d.ScenarioID, &d.Title, &d.Problems, &d.CreatedBy, &d.Author, &created, &updated, &d.Revision}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	d.CreatedAt, d.UpdatedAt = fromMillis(created), fromMillis(updated)
	return &d, nil
}

// Draft returns a draft with its text, or ErrNotFound.
func (s *Store) Draft(ctx context.Context, id int64) (*openline.Draft, error) {
	var src []byte
	d, err := scanDraft(s.r.QueryRowContext(ctx,
		`SELECT `+draftColumns+`, d.source FROM scenario_drafts d JOIN users u ON u.id = d.created_by WHERE d.id = ?`, id), &src)
	if err != nil {
		return nil, translate(err, fmt.Sprintf("draft %d", id))
	}
	d.Text = nonNil(src)
	return d, nil
}

// ListDrafts lists every draft, last updated first, without their text.
func (s *Store) ListDrafts(ctx context.Context) ([]openline.Draft, error) {
	return queryAll(ctx, s.r, "list drafts", func(r scanner) (*openline.Draft, error) { return scanDraft(r) },
		`SELECT `+draftColumns+` FROM scenario_drafts d JOIN users u ON u.id = d.created_by ORDER BY d.updated_at DESC, d.id DESC`)
}

// DeleteDraft deletes a draft.
func (s *Store) DeleteDraft(ctx context.Context, id int64) error {
	what := fmt.Sprintf("delete draft %d", id)
	res, err := s.w.ExecContext(ctx, `DELETE FROM scenario_drafts WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return foundOne(res, what)
}

// PublishDraft makes the draft's text a version, current from now on.
func (s *Store) PublishDraft(ctx context.Context, draftID, revision int64, text []byte, p openline.Publication) error {
	what := fmt.Sprintf("publish draft %d as %s version %s", draftID, p.ScenarioID, p.Version)
	if p.ScenarioID == "" || p.Version == "" {
		return fmt.Errorf("%s: empty id or version", what)
	}
	if p.PublishedAt.IsZero() {
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var src []byte
	var now int64
	if err := tx.QueryRowContext(ctx, `SELECT source, revision FROM scenario_drafts WHERE id = ?`, draftID).Scan(&src, &now); err != nil {
		return translate(err, what)
	}
	if now != revision || !bytes.Equal(src, text) {
		return fmt.Errorf("%s: made on revision %d, the draft is at %d: %w", what, revision, now, openline.ErrDraftChanged)
	}
	if err := saveVersion(ctx, tx, p.ScenarioID, p.Version, nonNil(text), p.PublishedAt); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO scenario_publications (scenario_id, version, published_by, published_at) VALUES (?, ?, ?, ?)`,
		p.ScenarioID, p.Version, p.PublishedBy, millis(p.PublishedAt)); err != nil {
		return translate(err, what)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM scenario_drafts WHERE id = ?`, draftID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Publications lists every publication, oldest first.
func (s *Store) Publications(ctx context.Context) ([]openline.Publication, error) {
	return queryAll(ctx, s.r, "list publications", func(r scanner) (*openline.Publication, error) {
		var p openline.Publication
		var at int64
		if err := r.Scan(&p.ScenarioID, &p.Version, &p.PublishedBy, &p.Publisher, &at); err != nil {
			return nil, err
		}
		p.PublishedAt = fromMillis(at)
		return &p, nil
	}, `SELECT p.scenario_id, p.version, p.published_by, u.name, p.published_at
	    FROM scenario_publications p JOIN users u ON u.id = p.published_by ORDER BY p.id`)
}

// foundOne returns ErrNotFound, wrapped with what, when res changed no
// row.
func foundOne(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	return nil
}
