/* A stand-in for Microsoft Edge in the Windows smoke test (ci/windows-smoke.sh): installed
 * as msedge.exe where Edge installs, it lets the test see, under Wine, that
 * `handboek build --pdf` finds Edge at its standard place and hands it a file:// URL that
 * Windows resolves to the print edition. It appends its arguments to msedge.log beside
 * itself (UTF-8, one a line), checks that the last argument is a file:// URL of an existing
 * file, and writes a valid one-page blank PDF to the path given with --print-to-pdf=, with
 * a named destination for every page reference of the HTML (see build_pdf).
 * Exit 0 on success, 1 otherwise. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>
#include <stdlib.h>
#include <string.h>

/* The PDF is built in this buffer: one blank A4 page, and a named destination on it for
 * every `data-ref="ID"` span of the page (as Chromium writes one for each link target), so
 * that handboek's page numbering and outline find every target (all on page 1). */
static char buf[1 << 20];
static int used;
static long offsets[4];

static void put(const char *text)
{
    int n = (int)strlen(text);
    if (used + n < (int)sizeof buf) {
        memcpy(buf + used, text, n);
        used += n;
    }
}

/* A PDF name: regular characters as they are, others as #XX. */
static void put_name(const char *name, int len)
{
    char one[4];
    put("/");
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
            snprintf(one, sizeof one, "%c", c);
        else
            snprintf(one, sizeof one, "#%02X", c);
        put(one);
    }
}

/* The PDF for the HTML text `html`. */
static void build_pdf(const char *html)
{
    const char *ref = "data-ref=\"";
    char line[64];
    put("%PDF-1.4\n");
    offsets[1] = used;
    put("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Dests <<");
    for (const char *p = strstr(html, ref); p; p = strstr(p, ref)) {
        const char *start = p + strlen(ref);
        const char *end = strchr(start, '"');
        if (!end) break;
        put_name(start, (int)(end - start));
        put(" [3 0 R /XYZ 0 842 0]");
        p = end;
    }
    put(" >> >>\nendobj\n");
    offsets[2] = used;
    put("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    offsets[3] = used;
    put("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
    long xref = used;
    put("xref\n0 4\n0000000000 65535 f \n");
    for (int i = 1; i < 4; i++) {
        snprintf(line, sizeof line, "%010ld 00000 n \n", offsets[i]);
        put(line);
    }
    snprintf(line, sizeof line, "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
    put(line);
}

/* The whole file at `path` as a NUL-terminated string, or NULL. */
static char *read_all(const wchar_t *path)
{
    FILE *in = _wfopen(path, L"rb");
    if (!in) return NULL;
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *text = malloc(size + 1);
    if (text && fread(text, 1, size, in) == (size_t)size) {
        text[size] = 0;
    } else {
        free(text);
        text = NULL;
    }
    fclose(in);
    return text;
}

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
    char *text = read_all(html);
    if (!text) return 1;
    build_pdf(text);
    free(text);
    FILE *out = _wfopen(pdf, L"wb");
    if (!out) return 1;
    fwrite(buf, 1, used, out);
    fclose(out);
    return 0;
}
