/* The parse floor of workload W1: one pass over a CSV file byte by byte (RFC 4180 quotes), summing one numeric
 * column per row, in C with no allocation. What any importer must at least pay to look at every byte.
 * usage: csvscan FILE COLUMN   (prints rows and the column's sum) */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: csvscan FILE COLUMN\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    int want = atoi(argv[2]), column = 0, quoted = 0, header = 1;
    long rows = 0, cents = 0, value = 0, scale = -1;
    static unsigned char buffer[1 << 20];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = buffer[i];
            if (quoted) { if (c == '"') quoted = 0; continue; }
            if (c == '"') { quoted = 1; continue; }
            if (c == ',' || c == '\n') {
                if (column == want && !header) { while (scale >= 0 && scale < 2) { value *= 10; scale++; } cents += value; }
                value = 0; scale = -1;
                if (c == ',') column++; else { column = 0; if (header) header = 0; else rows++; }
                continue;
            }
            if (column == want && !header) {
                if (c >= '0' && c <= '9') { value = value * 10 + (c - '0'); if (scale >= 0) scale++; }
                else if (c == '.') scale = 0;
            }
        }
    }
    fclose(f);
    printf("%ld rows, column sum %ld.%02ld\n", rows, cents / 100, cents % 100);
    return 0;
}
