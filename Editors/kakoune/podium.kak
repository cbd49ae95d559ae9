# Podium for Kakoune with kakoune-lsp (kak-lsp). Source from your kakrc after kakoune-lsp:
#   source ~/podium/Editors/kakoune/podium.kak

# *.transcript and *.transcript.txt are transcripts; `:set-option buffer filetype transcript`
# makes any other buffer one.
hook global BufCreate .*\.transcript(\.txt)? %{
    set-option buffer filetype transcript
}

# kakoune-lsp 17 and later: servers are declared in Kakoune options.
hook -group podium global WinSetOption filetype=transcript %{
    set-option buffer lsp_servers %{
        [podium]
        root_globs = [".git"]
        command = "podium"
        args = ["lsp"]
        # settings_section = "podium"
        # [podium.settings.podium]
        # codeLens = false
    }
    lsp-enable-window
    # Show who is speaking as the cursor moves (or use `:lsp-hover` / `lsp-mode` then `h`).
    lsp-auto-hover-enable
}
