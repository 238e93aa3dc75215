/* A stand-in for Microsoft Edge in the Windows smoke test (ci/windows-smoke.sh): installed
 * as msedge.exe where Edge installs, it lets the test see, under Wine, that
 * `handboek build --pdf` finds Edge at its standard place and hands it a file:// URL that
 * Windows resolves to the print edition. It appends its arguments to msedge.log beside
 * itself (UTF-8, one a line), checks that the last argument is a file:// URL of an existing
 * file, and writes a valid one-page blank PDF to the path given with --print-to-pdf=.
 * Exit 0 on success, 1 otherwise. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

/* One blank A4 page, with the cross-reference table a PDF reader checks. */
static const char PDF[] =
    "%PDF-1.4\n"
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
    "xref\n0 4\n"
    "0000000000 65535 f \n"
    "0000000009 00000 n \n"
    "0000000058 00000 n \n"
    "0000000115 00000 n \n"
    "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n";

static int hex(wchar_t c)
{
    if (c >= L'0' && c <= L'9') return c - L'0';
    if (c >= L'a' && c <= L'f') return c - L'a' + 10;
    if (c >= L'A' && c <= L'F') return c - L'A' + 10;
    return -1;
}

/* file:///C:/a%20b/x.html -> C:\a b\x.html (percent-decoded as UTF-8). */
static int url_to_path(const wchar_t *url, wchar_t *path, int size)
{
    const wchar_t *prefix = L"file:///";
    char utf8[4096];
    int n = 0;
    if (wcsncmp(url, prefix, wcslen(prefix)) != 0) return 0;
    for (const wchar_t *p = url + wcslen(prefix); *p && n < (int)sizeof utf8 - 1; p++) {
        if (*p == L'%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            utf8[n++] = (char)(hex(p[1]) * 16 + hex(p[2]));
            p += 2;
        } else if (*p < 128) {
            utf8[n++] = *p == L'/' ? '\\' : (char)*p;
        } else {
            return 0; /* a URL holds no raw non-ASCII characters */
        }
    }
    utf8[n] = 0;
    return MultiByteToWideChar(CP_UTF8, 0, utf8, -1, path, size) > 0;
}

int wmain(int argc, wchar_t **argv)
{
    wchar_t log_path[MAX_PATH], html[MAX_PATH];
    const wchar_t *pdf = NULL;
    FILE *log;
    DWORD len = GetModuleFileNameW(NULL, log_path, MAX_PATH);
    wcscpy(log_path + len - 4, L".log"); /* msedge.exe -> msedge.log */
    log = _wfopen(log_path, L"ab");
    for (int i = 1; i < argc; i++) {
        char line[4096];
        if (log && WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, line, sizeof line, NULL, NULL))
            fprintf(log, "%s\n", line);
        if (wcsncmp(argv[i], L"--print-to-pdf=", 15) == 0) pdf = argv[i] + 15;
    }
    if (log) fclose(log);
    if (argc < 2 || !pdf || !url_to_path(argv[argc - 1], html, MAX_PATH)) return 1;
    if (GetFileAttributesW(html) == INVALID_FILE_ATTRIBUTES) return 1;
    FILE *out = _wfopen(pdf, L"wb");
    if (!out) return 1;
    fputs(PDF, out);
    fclose(out);
    return 0;
}
