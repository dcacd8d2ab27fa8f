package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/photo"
	"rathaus/internal/report"
)

// strippedPhoto is an upload after photo.Strip: only this is stored.
type strippedPhoto struct {
	data []byte
	info *photo.Info
}

// reportPhotos reads the uploaded photos (field "photos") through
// photo.Strip; refused files become errors of the field.
// tr translates the inner message, which goes with the file's name.
func reportPhotos(r *http.Request, tr func(key string, args ...any) string) ([]strippedPhoto, []fault.FieldError) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var out []strippedPhoto
	var errs []fault.FieldError
	files := r.MultipartForm.File["photos"]
	n := 0
	for _, fh := range files {
		if fh.Filename != "" || fh.Size > 0 {
			n++
		}
	}
	if n > report.MaxPhotos {
		return nil, []fault.FieldError{{Field: "photos", Key: "error.reports.photos", Args: []any{report.MaxPhotos}}}
	}
	for _, fh := range files {
		if fh.Filename == "" && fh.Size == 0 {
			continue // the empty file input of a browser
		}
		f, err := fh.Open()
		if err != nil {
			errs = append(errs, fault.FieldError{Field: "photos", Key: "error.reports.photo"})
			continue
		}
		data, info, err := photo.Strip(f, photo.Limits{})
		f.Close()
		if err != nil {
			fe := photo.Field("photos", err)
			if !fault.Is(err, fault.Invalid) {
				fe.Key = "error.reports.photo"
			}
			errs = append(errs, fault.FieldError{Field: "photos", Key: "reports_web.error.photo_named",
				Args: []any{fh.Filename, tr(fe.Key, fe.Args...)}})
			continue
		}
		out = append(out, strippedPhoto{data, info})
	}
	return out, errs
}

// storeReportPhotos puts the stripped photos into the file store and
// adds them to rep.
func (s *Server) storeReportPhotos(ctx context.Context, rep *report.Report, photos []strippedPhoto) error {
	if len(photos) > 0 && s.opts.ReportFiles == nil {
		return errors.New("reports: photos but no Options.ReportFiles")
	}
	for _, p := range photos {
		key, err := reportPhotoKey(p.info.Type)
		if err != nil {
			return err
		}
		if _, err := s.opts.ReportFiles.Put(ctx, key, bytes.NewReader(p.data), filestore.Meta{ContentType: string(p.info.Type)}); err != nil {
			s.deleteReportPhotos(context.WithoutCancel(ctx), rep)
			return err
		}
		rep.Photos = append(rep.Photos, report.Photo{Key: key, ContentType: string(p.info.Type),
			Size: int64(len(p.data)), Width: p.info.Width, Height: p.info.Height})
	}
	return nil
}

// deleteReportPhotos removes rep's stored photos (after a failed submit).
func (s *Server) deleteReportPhotos(ctx context.Context, rep *report.Report) {
	for _, p := range rep.Photos {
		if err := s.opts.ReportFiles.Delete(ctx, p.Key); err != nil {
			s.log.Warn("reports: photo left behind", "key", p.Key, "err", err)
		}
	}
	rep.Photos = nil
}

// reportPhotoKey is a new random file key for a photo of type t.
func reportPhotoKey(t photo.Type) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	ext := ".jpg"
	if t == photo.PNG {
		ext = ".png"
	}
	return "reports/" + hex.EncodeToString(b) + ext, nil
}
