/* A stand-in for Windows' bcryptprimitives.dll, for running handboek.exe under Wine only.
 *
 * Rust's standard library on Windows takes its random numbers (the seeds of HashMap) from
 * ProcessPrng in bcryptprimitives.dll. Every Windows since 10 has it; Debian's Wine 8 does
 * not export it, so the .exe does not start there. This DLL, put beside the .exe in the
 * smoke test (ci/windows-smoke.sh) and never shipped, answers from RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
