" Drives Vim + ALE against podium for Tests/Editors/vim_test.sh; writes its report to $PODIUM_OUT
" and quits with :cquit on any failure.
let s:out = []
let s:failures = 0
function! s:Say(m) abort
  call add(s:out, a:m)
  call writefile(s:out, $PODIUM_OUT)
endfunction
function! s:Check(ok, what, ...) abort
  if a:ok
    call s:Say('  ok    ' . a:what)
  else
    let s:failures += 1
    call s:Say('  FAIL  ' . a:what . (a:0 ? ': ' . a:1 : ''))
  endif
endfunction
function! s:Finish() abort
  call s:Say(s:failures ? 'vim: ' . s:failures . ' check(s) failed' : 'vim: all checks passed')
  if s:failures | cquit | else | qall! | endif
endfunction

call s:Say('Vim ' . v:version . ', ALE ' . (exists('*ale#Has') ? 'loaded' : 'missing'))
call s:Check(&filetype ==# 'transcript', 'filetype detected as transcript (Editors/vim/ftdetect)', &filetype)
call s:Check(index(map(ale#linter#Get('transcript'), 'v:val.name'), 'podium') >= 0,
      \ 'ALE has the podium linter from Editors/vim/ale.vim')
let s:question = search('^Lili Bayer, Reuters$', 'w') + 1
let s:answer = search('^NATO Secretary General Mark Rutte$', 'W') + 1
call s:Check(s:question > 1 && s:answer > s:question, 'found the Bayer question and the Rutte answer')

" Colours from the shipped syntax/transcript.vim.
function! s:SynAt(l, c) abort
  return synIDattr(synID(a:l, a:c, 1), 'name')
endfunction
call s:Check(s:SynAt(s:question - 1, 1) ==# 'transcriptLabelOutlet' && s:SynAt(s:question - 1, 14) ==# 'transcriptOutlet',
      \ 'syntax: "Lili Bayer, Reuters" is a label with an outlet', s:SynAt(s:question - 1, 1) . '/' . s:SynAt(s:question - 1, 14))
call s:Check(s:SynAt(s:answer - 1, 1) ==# 'transcriptLabel', 'syntax: "NATO Secretary General Mark Rutte" is a label', s:SynAt(s:answer - 1, 1))
call s:Check(s:SynAt(s:answer, 1) ==# '', 'syntax: speech is plain', s:SynAt(s:answer, 1))

let s:replies = {}
function! s:OnReply(which, response) abort
  let l:c = get(get(a:response, 'result', {}) is v:null ? {} : get(a:response, 'result', {}), 'contents', '')
  let s:replies[a:which] = type(l:c) == v:t_dict ? get(l:c, 'value', '') : string(l:c)
endfunction
let s:asked = 0
let s:start = reltime()
function! s:Tick(timer) abort
  if !s:asked
    try
      call ale#lsp_linter#SendRequest(bufnr(''), 'podium',
            \ ale#lsp#message#Hover(bufnr(''), s:question, 10), function('s:OnReply', ['question']))
      call ale#lsp_linter#SendRequest(bufnr(''), 'podium',
            \ ale#lsp#message#Hover(bufnr(''), s:answer, 10), function('s:OnReply', ['answer']))
      let s:asked = 1
    catch
      call s:Say('  (not ready: ' . v:exception . ')')
    endtry
  endif
  let l:texts = map(copy(ale#engine#GetLoclist(bufnr(''))), 'v:val.text')
  let l:variants = filter(copy(l:texts), 'v:val =~# "Artoim Bsedin\\|Raf Sanches"')
  let l:done = len(s:replies) == 2 && len(l:variants) >= 2
  if !l:done && reltimefloat(reltime(s:start)) < 20
    return
  endif
  call timer_stop(a:timer)
  let l:q = get(s:replies, 'question', '')
  let l:a = get(s:replies, 'answer', '')
  call s:Check(l:q =~# 'Lili Bayer' && l:q =~# 'Reuters', 'hover on line ' . s:question . ' (Bayer question) names Lili Bayer and Reuters', l:q)
  call s:Say('        hover: ' . substitute(l:q, '\n', ' | ', 'g'))
  call s:Check(l:a =~# 'Mark Rutte', 'hover on line ' . s:answer . ' (Rutte answer) names Mark Rutte', l:a)
  call s:Say('        hover: ' . substitute(l:a, '\n', ' | ', 'g')[:160])
  call s:Check(len(filter(copy(l:texts), 'v:val =~# "Artoim Bsedin"')) > 0, 'ALE shows the spelling variant "Artoim Bsedin"', string(l:texts))
  call s:Check(len(filter(copy(l:texts), 'v:val =~# "Raf Sanches"')) > 0, 'ALE shows the spelling variant "Raf Sanches"', string(l:texts))
  call s:Say('        ' . len(l:texts) . ' problems in ALE')
  call s:Finish()
endfunction
if s:failures == 0
  call timer_start(200, function('s:Tick'), {'repeat': -1})
else
  call s:Finish()
endif
