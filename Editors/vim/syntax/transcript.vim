" Vim/Neovim syntax for speaker-labelled transcripts (Podium): labels, outlets, [inaudible]-style
" markers, stage directions, time cues, caption speaker changes. The same rules as the VS Code
" grammar; who is really speaking is the server's job (hover).
if exists('b:current_syntax')
  finish
endif

" Lili Bayer, Reuters
syntax match transcriptLabelOutlet /^\s*\%(\*\*\)\=[[:upper:]][[:alnum:].'’-]*\%( [[:upper:]][[:alnum:].'’-]*\)\{0,5},\s\+[^[:space:].?!][^.?!]\{0,59}\%(\*\*\)\=\s*$/ contains=transcriptOutlet
syntax match transcriptOutlet /,\s\+\zs.*$/ contained
" NATO Secretary General Mark Rutte, Question
syntax match transcriptLabel /^\s*\%(\*\*\)\=\%([[:upper:]][[:alnum:].'’-]*\%( [[:upper:]][[:alnum:].'’-]*\)\{1,7}\|Question\|Answer\|Moderator\|Interviewer\|Q\|A\)\%(\*\*\)\=\s*$/
" MR. KIRBY: Good afternoon.
syntax match transcriptLabel /^\s*\%(\*\*\)\=[[:upper:]][[:alnum:].'’-]*\%( [[:upper:]][[:alnum:].'’-]*\)\{0,5}\%(\*\*\)\=\ze:\%(\s\|$\)/
" [APPLAUSE], (COMMERCIAL BREAK)
syntax match transcriptStage /^\s*[[(][[:upper:]][[:upper:] ]\+[])]\s*$/
" >>
syntax match transcriptCaption /^\s*>>/
" [inaudible], (crosstalk), [unintelligible 00:41], (indiscernible)
syntax match transcriptMarker /\c[[(]\%(inaudible\|unintelligible\|indiscernible\|crosstalk\)[^])]\{0,80}[])]/
" 00:41, (1:02:03)
syntax match transcriptTime /[[(]\=\<\d\{1,2}:\d\d\%(:\d\d\)\=\>[])]\=/

highlight default link transcriptLabel Identifier
highlight default link transcriptLabelOutlet Identifier
highlight default link transcriptOutlet Type
highlight default link transcriptStage Comment
highlight default link transcriptCaption Special
highlight default link transcriptMarker Comment
highlight default link transcriptTime Number

let b:current_syntax = 'transcript'
