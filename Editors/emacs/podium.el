;;; podium.el --- Transcripts in Emacs with the Podium language server  -*- lexical-binding: t; -*-

;; Version: 0.1
;; Package-Requires: ((emacs "26.1"))
;; Keywords: languages, wp
;; URL: see Editors/emacs/README.md in the Podium repository

;;; Commentary:

;; `transcript-mode', a `text-mode' for speaker-labelled transcripts (press conferences,
;; interviews, hearings), and its entry for Eglot, so that hovering anywhere in a turn shows
;; who is speaking.
;;
;;   (add-to-list 'load-path "/path/to/podium/Editors/emacs")
;;   (require 'podium)
;;
;; Files named *.transcript or *.transcript.txt open in `transcript-mode'; any other buffer
;; can be switched with M-x podium-treat-as-transcript, or marked on its first line with
;; -*- mode: transcript -*- .  Eglot starts by itself in transcript buffers when
;; `podium-start-eglot' is non-nil (the default) and needs `podium' on `exec-path'.

;;; Code:

(defvar eglot-server-programs)

(defgroup podium nil
  "Speaker-labelled transcripts with the Podium language server."
  :group 'text
  :prefix "podium-")

(defcustom podium-start-eglot t
  "Non-nil means connect Eglot (`eglot-ensure') in every `transcript-mode' buffer."
  :type 'boolean
  :group 'podium)

(defface podium-label-face
  '((t :inherit font-lock-function-name-face :weight bold))
  "Face for speaker labels such as \"Lili Bayer, Reuters\" or \"MR. KIRBY:\"."
  :group 'podium)

(defface podium-marker-face
  '((t :inherit font-lock-comment-face :slant italic))
  "Face for [inaudible]-style markers and stage directions."
  :group 'podium)

(defface podium-timestamp-face
  '((t :inherit font-lock-constant-face))
  "Face for time cues such as (00:41)."
  :group 'podium)

(defconst podium--name-word "[[:upper:]][[:alnum:].'’-]*"
  "One capitalised word of a label.")

(defvar podium-font-lock-keywords
  `(;; [inaudible], (crosstalk), [unintelligible], (indiscernible)
    ("[[(]\\(?:inaudible\\|unintelligible\\|indiscernible\\|crosstalk\\)[^])\n]\\{0,80\\}[])]"
     0 'podium-marker-face t)
    ;; A stage direction alone on its line: [APPLAUSE], (COMMERCIAL BREAK)
    ("^[ \t]*[[(][[:upper:]][[:upper:] ]+[])][ \t]*$" 0 'podium-marker-face)
    ;; Time cues: 00:41, (1:02:03), [00:41]
    ("[[(]?\\_<[0-9]\\{1,2\\}:[0-9]\\{2\\}\\(?::[0-9]\\{2\\}\\)?\\_>[])]?" 0 'podium-timestamp-face)
    ;; Live-caption speaker change
    ("^[ \t]*>>" 0 'podium-marker-face)
    ;; Name, Outlet   (a label line)
    (,(concat "^[ \t]*\\(?:\\*\\*\\)?" podium--name-word "\\(?: " podium--name-word "\\)\\{0,5\\}"
              ", [[:upper:]][^.?!\n]\\{0,60\\}$")
     0 'podium-label-face)
    ;; NATO Secretary General Mark Rutte   (capitalised words alone on a line)
    (,(concat "^[ \t]*\\(?:\\*\\*\\)?" podium--name-word "\\(?: " podium--name-word "\\)\\{1,7\\}"
              "\\(?:\\*\\*\\)?[ \t]*$")
     0 'podium-label-face)
    ;; MR. KIRBY:  Secretary Hegseth:   (an inline label before the speech)
    (,(concat "^[ \t]*\\(?:\\*\\*\\)?\\(" podium--name-word "\\(?: " podium--name-word "\\)\\{0,5\\}\\):")
     1 'podium-label-face))
  "Font-lock rules of `transcript-mode'; the server's semantic view is in hovers.")

;;;###autoload
(define-derived-mode transcript-mode text-mode "Transcript"
  "Major mode for speaker-labelled transcripts, served by Podium.
With Eglot, the echo area (eldoc) shows who is speaking at point, and
diagnostics flag names spelled differently from their labels."
  (setq-local font-lock-defaults '(podium-font-lock-keywords nil nil))
  (when (and podium-start-eglot (fboundp 'eglot-ensure) buffer-file-name)
    (eglot-ensure)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.transcript\\'" . transcript-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("\\.transcript\\.txt\\'" . transcript-mode))

;;;###autoload
(defun podium-treat-as-transcript ()
  "Switch the current buffer to `transcript-mode' (and so to Podium)."
  (interactive)
  (transcript-mode))

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(transcript-mode . ("podium" "lsp"))))

(provide 'podium)
;;; podium.el ends here
