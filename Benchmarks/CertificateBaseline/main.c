// `make bench`: the C baseline the certificates benchmark compares Malaka with.
//
// The certificates issue sets its targets against "a direct C program with cairo and HarfBuzz"
// rendering the same 1,000 pages. This is that program, drawing the page of
// certificate-templates/participation.yaml without Malaka: fonts found through fontconfig, every
// string checked against its font, words shaped with HarfBuzz to wrap and shrink each block into
// its box, lines drawn with cairo_show_text_glyphs and the cluster map (so the text copies out),
// the frames, squares and rules as vectors, the PNG emblem and a QR code from libqrencode. The
// machine is shared, so `certificates-bench` runs it in the same run as Malaka and reports ratios.
//
//   certificate-baseline --emblem certificate-templates/images/emblem.png --out DIR
//                        [--pages 1000] [--qr-length 300] [--only bundle|files]
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define MM (72.0 / 25.4)
#define MAX_LINES 8

typedef struct {
    FT_Face face;
    hb_font_t *shaper;
    cairo_font_face_t *cairo;
    double units;
} Font;

static FT_Library freetype;
static Font serif_bold, serif_italic, sans;

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "certificate-baseline: %s %s\n", what, detail ? detail : "");
    exit(1);
}

static void load_font(Font *font, const char *family, int weight, int slant) {
    FcPattern *pattern = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family, FC_WEIGHT, FcTypeInteger, weight,
                                        FC_SLANT, FcTypeInteger, slant, (char *)NULL);
    FcConfigSubstitute(NULL, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern *match = FcFontMatch(NULL, pattern, &result);
    FcChar8 *file = NULL;
    int index = 0;
    if (!match || FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch) fail("no font for", family);
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    if (FT_New_Face(freetype, (const char *)file, index, &font->face)) fail("cannot open", (const char *)file);
    font->units = font->face->units_per_EM;
    // HarfBuzz's own OpenType functions, at a scale of one font unit, as the Typesetting layer shapes.
    hb_face_t *face = hb_ft_face_create_referenced(font->face);
    font->shaper = hb_font_create(face);
    hb_face_destroy(face);
    font->cairo = cairo_ft_font_face_create_for_ft_face(font->face, 0);
    FcPatternDestroy(match);
    FcPatternDestroy(pattern);
}

/// Refuses a string its font cannot print, as Malaka's preflight does before drawing.
static void check_coverage(const Font *font, const char *text) {
    hb_buffer_t *buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text, -1, 0, -1);
    unsigned count;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buffer, &count);
    for (unsigned i = 0; i < count; i++) {
        hb_codepoint_t glyph;
        if (info[i].codepoint != ' ' && info[i].codepoint != '\n' && !hb_font_get_nominal_glyph(font->shaper, info[i].codepoint, &glyph))
            fail("a character the font lacks in", text);
    }
    hb_buffer_destroy(buffer);
}

/// A paragraph shaped once: its glyphs, and where it may break (after a space) to wrap.
typedef struct {
    const char *text;
    int length;
    unsigned count;
    hb_glyph_info_t *info;
    hb_glyph_position_t *positions;
    hb_buffer_t *buffer;
} Run;

static Run shape(const Font *font, const char *text, int length) {
    Run run = {text, length, 0, NULL, NULL, hb_buffer_create()};
    hb_buffer_add_utf8(run.buffer, text, length, 0, length);
    hb_buffer_guess_segment_properties(run.buffer);
    hb_shape(font->shaper, run.buffer, NULL, 0);
    run.info = hb_buffer_get_glyph_infos(run.buffer, &run.count);
    run.positions = hb_buffer_get_glyph_positions(run.buffer, &run.count);
    return run;
}

/// Width in font units of glyphs [from, to).
static double advance(const Run *run, unsigned from, unsigned to) {
    double width = 0;
    for (unsigned i = from; i < to; i++) width += run->positions[i].x_advance;
    return width;
}

/// Draws glyphs [from, to) of a run with their cluster map, so that the PDF text is the string as written.
static void show_glyphs(cairo_t *cr, const Font *font, double size, const Run *run, unsigned from, unsigned to,
                        double x, double baseline) {
    int count = (int)(to - from);
    cairo_glyph_t *glyphs = cairo_glyph_allocate(count);
    cairo_text_cluster_t *clusters = cairo_text_cluster_allocate(count);
    double scale = size / font->units, pen = x;
    int cluster_count = 0;
    unsigned first_byte = run->info[from].cluster;
    unsigned last_byte = to < run->count ? run->info[to].cluster : (unsigned)run->length;
    for (unsigned i = from; i < to; i++) {
        cairo_glyph_t *glyph = &glyphs[i - from];
        glyph->index = run->info[i].codepoint;
        glyph->x = pen + run->positions[i].x_offset * scale;
        glyph->y = baseline - run->positions[i].y_offset * scale;
        pen += run->positions[i].x_advance * scale;
        if (i == from || run->info[i].cluster != run->info[i - 1].cluster) {
            unsigned end = last_byte;
            for (unsigned j = i + 1; j < to; j++)
                if (run->info[j].cluster != run->info[i].cluster) { end = run->info[j].cluster; break; }
            clusters[cluster_count].num_bytes = (int)(end - run->info[i].cluster);
            clusters[cluster_count].num_glyphs = 0;
            cluster_count++;
        }
        clusters[cluster_count - 1].num_glyphs++;
    }
    cairo_set_font_face(cr, font->cairo);
    cairo_set_font_size(cr, size);
    cairo_show_text_glyphs(cr, run->text + first_byte, (int)(last_byte - first_byte), glyphs, count, clusters,
                           cluster_count, 0);
    cairo_glyph_free(glyphs);
    cairo_text_cluster_free(clusters);
}

typedef enum { LEFT, CENTER, RIGHT } Align;
typedef enum { TOP, MIDDLE, BOTTOM } VAlign;

typedef struct {
    double x, y, width, height;
} Box;

typedef struct {
    int paragraph;
    unsigned from, to;  // glyphs, the trailing space left out
} Line;

/// Wraps `text` (paragraphs split at '\n', lines at spaces) into `box` at the largest size from `size`
/// down to `minimum`, in half points, that fits in `max_lines`, then draws it.
static void draw_block(cairo_t *cr, const Font *font, const char *text, Box box, double size, double minimum,
                       int max_lines, double spacing, Align align, VAlign valign, double r, double g, double b) {
    check_coverage(font, text);
    box.x *= MM; box.y *= MM; box.width *= MM; box.height *= MM;
    Run runs[MAX_LINES];
    int paragraphs = 0;
    for (const char *p = text; paragraphs < MAX_LINES;) {
        const char *end = strchr(p, '\n');
        int length = end ? (int)(end - p) : (int)strlen(p);
        runs[paragraphs++] = shape(font, p, length);
        if (!end) break;
        p = end + 1;
    }

    Line lines[MAX_LINES];
    int line_count = 0;
    for (; size >= minimum; size -= 0.5) {
        double limit = box.width * font->units / size;
        int overflow = 0;
        line_count = 0;
        for (int p = 0; p < paragraphs && !overflow; p++) {
            const Run *run = &runs[p];
            unsigned start = 0;
            while (start < run->count) {
                // The longest stretch of whole words from `start` that fits.
                unsigned end = start, best = 0;
                double width = 0;
                for (; end < run->count; end++) {
                    if (run->text[run->info[end].cluster] == ' ' && width <= limit) best = end;
                    width += run->positions[end].x_advance;
                }
                if (width <= limit) best = run->count;
                if (best <= start || line_count == max_lines) { overflow = 1; break; }
                lines[line_count++] = (Line){p, start, best};
                start = best < run->count ? best + 1 : best;
            }
        }
        if (!overflow && line_count * size * 1.2 * spacing <= box.height + size * 0.3) break;
    }
    if (size < minimum) fail("a block does not fit:", text);

    double leading = size * 1.2 * spacing, height = line_count * leading;
    double top = valign == TOP ? box.y : valign == MIDDLE ? box.y + (box.height - height) / 2 : box.y + box.height - height;
    cairo_set_source_rgb(cr, r, g, b);
    for (int l = 0; l < line_count; l++) {
        const Run *run = &runs[lines[l].paragraph];
        double width = advance(run, lines[l].from, lines[l].to) * size / font->units;
        double x = align == LEFT ? box.x : align == CENTER ? box.x + (box.width - width) / 2 : box.x + box.width - width;
        show_glyphs(cr, font, size, run, lines[l].from, lines[l].to, x, top + l * leading + size * 0.95);
    }
    for (int p = 0; p < paragraphs; p++) hb_buffer_destroy(runs[p].buffer);
}

typedef struct {
    const char *title, *subtitle, *certify, *took_part, *course, *dates, *caption, *serial_line, *trainer_title,
        *coordinator_title;
    const char *names[4];
} Language;

static const Language languages[] = {
    {"SERTIFIKAT", "ishtirok etganlik toʻgʻrisida", "Ushbu sertifikat bilan tasdiqlanadiki,",
     "quyidagi oʻquv tadbirida ishtirok etdi",
     "«Ota-onalik koʻnikmalari boʻyicha trening: bolalarni himoya qilish va oilaviy qoʻllab-quvvatlash»",
     "25–28-mart 2019-yil · Urganch tumani, Xorazm viloyati\nHajmi: 16 soat",
     "Haqiqiyligini tekshirish uchun QR-kodni skanerlang", "Sertifikat raqami: UZ-2019-%06d\nBerilgan sana: 1-aprel 2019-yil",
     "Trener", "Dastur koordinatori",
     {"Gʻulomjon Oʻrinboyev", "Oʻgʻiloy Shoʻxratova", "Dilnoza Qoʻchqorova", "Bahodir Gʻaniyev"}},
    {"СЕРТИФИКАТ", "иштирок этганлик тўғрисида", "Ушбу сертификат билан тасдиқланадики,", "қуйидаги ўқув тадбирида иштирок этди",
     "«Ота-оналик кўникмалари бўйича тренинг: болаларни ҳимоя қилиш ва оилавий қўллаб-қувватлаш»",
     "7–10 октябрь 2019 йил · Ургут тумани, Самарқанд вилояти\nҲажми: 16 соат",
     "Ҳақиқийлигини текшириш учун QR-кодни сканерланг", "Сертификат рақами: UZ-2019-%06d\nБерилган сана: 15 октябрь 2019 йил",
     "Тренер", "Дастур координатори", {"Ғуломжон Ўринбоев", "Ўғилой Шўҳратова", "Ҳилола Қўчқорова", "Баҳодир Ғаниев"}},
    {"СЕРТИФИКАТ", "катышкандыгы жөнүндө", "Бул сертификат төмөнкүнү тастыктайт:", "төмөнкү окуу иш-чарасына катышты",
     "«Ата-энелик көндүмдөрү боюнча тренинг: балдарды коргоо жана үй-бүлөнү колдоо»",
     "2019-жылдын 16–20-сентябры · Аламүдүн району, Чүй облусу\nКөлөмү: 20 саат",
     "Аныктыгын текшерүү үчүн QR-кодду сканерлеңиз", "Сертификаттын номери: KG-2019-%06d\nБерилген күнү: 2019-жылдын 21-сентябры",
     "Тренер", "Программанын координатору",
     {"Айгүл Өмүрбекова", "Нурбек Жээнбеков", "Гүлзат Садыкова", "Эңкебай Түлөгөнов"}},
    {"СЕРТИФИКАТ", "об участии", "Настоящим подтверждается, что", "принял(а) участие в обучающем мероприятии",
     "«Тренинг по навыкам позитивного родительства: защита детей и поддержка семьи»",
     "12–13 ноября 2019 г. · Мирабадский район, г. Ташкент\nОбъём: 10 часов",
     "Чтобы проверить подлинность, отсканируйте QR-код", "Сертификат № UZ-2019-%06d\nДата выдачи: 15 ноября 2019 г.",
     "Тренер", "Координатор программы",
     {"Ирина Сергеевна Кузнецова", "Алексей Петров", "Наталья Ким", "Дмитрий Юсупов"}},
    {"CERTIFICATE", "of participation", "This is to certify that", "has taken part in",
     "«Parenting Skills Training: Child Protection and Family Support»",
     "25–28 March 2019 · Urganch District, Khorezm Region\nDuration: 16 hours",
     "Scan the QR code to verify this certificate", "Certificate No. UZ-2019-%06d\nIssued on 1 April 2019", "Trainer",
     "Programme coordinator", {"Jennifer O'Connor", "Fiona Mcfinley", "Aziz Rakhimov", "Grace Ffoulkes"}},
};

static cairo_surface_t *emblem;
static int qr_length = 300;

static void rgb(cairo_t *cr, unsigned colour) {
    cairo_set_source_rgb(cr, (colour >> 16) / 255.0, ((colour >> 8) & 0xFF) / 255.0, (colour & 0xFF) / 255.0);
}

static void rect_mm(cairo_t *cr, double x, double y, double w, double h) { cairo_rectangle(cr, x * MM, y * MM, w * MM, h * MM); }

static void line_mm(cairo_t *cr, double x1, double y1, double x2, double y2, double width, unsigned colour) {
    cairo_move_to(cr, x1 * MM, y1 * MM);
    cairo_line_to(cr, x2 * MM, y2 * MM);
    cairo_set_line_width(cr, width * MM);
    rgb(cr, colour);
    cairo_stroke(cr);
}

enum { NAVY = 0x1F3A5F, GOLD = 0xB08D3C, INK = 0x2B2B2B, GREY = 0x5E6670, PAPER = 0xFFFDF7 };
#define C(c) (c >> 16) / 255.0, ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0

static void draw_signatory(cairo_t *cr, const char *name, const char *title, double x, double y) {
    line_mm(cr, x, y + 7, x + 72, y + 7, 0.3, NAVY);
    if (*name) draw_block(cr, &serif_bold, name, (Box){x, y, 72, 6.5}, 10.5, 7, 1, 1, CENTER, BOTTOM, C(INK));
    draw_block(cr, &sans, title, (Box){x, y + 8, 72, 8}, 8.5, 6.5, 2, 1, CENTER, TOP, C(INK));
}

static void draw_page(cairo_t *cr, int index) {
    const Language *language = &languages[index % 5];
    const char *name = language->names[(index / 5) % 4];
    char serial[160], qr[1024];
    snprintf(serial, sizeof serial, language->serial_line, index + 1);
    // A token-like payload of the QR code's length: Base45 letters after the prefix.
    static const char base45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    int length = qr_length < (int)sizeof qr - 1 ? qr_length : (int)sizeof qr - 1;
    unsigned state = (unsigned)index * 2654435761u + 1;
    for (int i = 0; i < length; i++) {
        state = state * 1103515245u + 12345u;
        qr[i] = i < 5 ? "MLK1:"[i] : base45[(state >> 16) % 45];
    }
    qr[length] = 0;

    rgb(cr, PAPER);
    cairo_paint(cr);
    double insets[] = {6, 8.6, 10.3}, widths[] = {1.6, 0.45, 0.2};
    unsigned colours[] = {NAVY, GOLD, GOLD};
    for (int i = 0; i < 3; i++) {
        rect_mm(cr, insets[i], insets[i], 297 - 2 * insets[i], 210 - 2 * insets[i]);
        cairo_set_line_width(cr, widths[i] * MM);
        rgb(cr, colours[i]);
        cairo_stroke(cr);
    }
    rgb(cr, GOLD);
    rect_mm(cr, 7.2, 7.2, 2.8, 2.8); rect_mm(cr, 287, 7.2, 2.8, 2.8);
    rect_mm(cr, 287, 200, 2.8, 2.8); rect_mm(cr, 7.2, 200, 2.8, 2.8);
    rect_mm(cr, 147.6, 77.5, 1.8, 1.8);
    cairo_fill(cr);
    rect_mm(cr, 146.2, 76.1, 4.6, 4.6);
    cairo_set_line_width(cr, 0.35 * MM);
    cairo_stroke(cr);
    line_mm(cr, 98.5, 78.4, 143.5, 78.4, 0.35, GOLD);
    line_mm(cr, 153.5, 78.4, 198.5, 78.4, 0.35, GOLD);
    line_mm(cr, 88, 108.5, 209, 108.5, 0.3, GOLD);

    cairo_save(cr);
    double side = 23 * MM;
    cairo_translate(cr, 137 * MM, 14 * MM);
    cairo_scale(cr, side / cairo_image_surface_get_width(emblem), side / cairo_image_surface_get_height(emblem));
    cairo_set_source_surface(cr, emblem, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);

    draw_block(cr, &sans, "UNICEF Uzbekistan", (Box){40, 41, 217, 6}, 9.5, 7, 1, 1, CENTER, TOP, C(GREY));
    draw_block(cr, &serif_bold, language->title, (Box){20, 48, 257, 17}, 34, 20, 1, 1, CENTER, TOP, C(NAVY));
    draw_block(cr, &serif_italic, language->subtitle, (Box){20, 66, 257, 7}, 13, 13, 1, 1, CENTER, TOP, C(GOLD));
    draw_block(cr, &serif_italic, language->certify, (Box){30, 84, 237, 7}, 12, 12, 1, 1, CENTER, TOP, C(INK));
    draw_block(cr, &serif_bold, name, (Box){30, 92, 237, 15}, 28, 14, 1, 1, CENTER, BOTTOM, C(NAVY));
    draw_block(cr, &serif_italic, language->took_part, (Box){30, 111, 237, 7}, 12, 12, 1, 1, CENTER, TOP, C(INK));
    draw_block(cr, &serif_bold, language->course, (Box){35, 119, 227, 16}, 17, 10, 2, 1, CENTER, MIDDLE, C(INK));
    draw_block(cr, &sans, language->dates, (Box){35, 137, 227, 12}, 10, 7, 2, 1.05, CENTER, TOP, C(INK));
    draw_block(cr, &sans, language->caption, (Box){104, 160, 30, 18}, 6.5, 5.5, 4, 1, RIGHT, MIDDLE, C(GREY));
    draw_block(cr, &sans, serial, (Box){100, 183.3, 97, 9}, 8.5, 6.5, 2, 1.05, CENTER, TOP, C(INK));
    draw_signatory(cr, "Dilnoza Yusupova", language->trainer_title, 30, 176);
    draw_signatory(cr, "", language->coordinator_title, 195, 176);

    QRcode *code = QRcode_encodeString(qr, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) fail("the QR code cannot hold", qr);
    // One alpha pixel per module, drawn as a mask with sharp edges: a few hundred bytes in the PDF.
    cairo_surface_t *modules = cairo_image_surface_create(CAIRO_FORMAT_A8, code->width, code->width);
    unsigned char *pixels = cairo_image_surface_get_data(modules);
    int stride = cairo_image_surface_get_stride(modules);
    for (int y = 0; y < code->width; y++)
        for (int x = 0; x < code->width; x++) pixels[y * stride + x] = code->data[y * code->width + x] & 1 ? 255 : 0;
    cairo_surface_mark_dirty(modules);
    cairo_pattern_t *mask = cairo_pattern_create_for_surface(modules);
    cairo_pattern_set_filter(mask, CAIRO_FILTER_NEAREST);
    double module = 25 * MM / (code->width + 2);
    cairo_save(cr);
    cairo_translate(cr, 136 * MM + module, 157 * MM + module);
    cairo_scale(cr, module, module);
    rgb(cr, NAVY);
    cairo_mask(cr, mask);
    cairo_restore(cr);
    cairo_pattern_destroy(mask);
    cairo_surface_destroy(modules);
    QRcode_free(code);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// The process's own peak resident memory, VmHWM: getrusage and a parent's wait4 also count the
/// memory the parent shared with it until exec (posix_spawn).
static long peak_kilobytes(void) {
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kilobytes = -1;
    while (status && fgets(line, sizeof line, status))
        if (sscanf(line, "VmHWM: %ld kB", &kilobytes) == 1) break;
    if (status) fclose(status);
    return kilobytes;
}

static void finish(cairo_surface_t *surface) {
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface)) fail("cairo:", cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
}

/// Fonts and the emblem, once per process: timed with whichever output is made first, as Malaka's start is.
static void set_up(const char *emblem_path) {
    if (freetype) return;
    FT_Init_FreeType(&freetype);
    load_font(&serif_bold, "Noto Serif", FC_WEIGHT_BOLD, FC_SLANT_ROMAN);
    load_font(&serif_italic, "Noto Serif", FC_WEIGHT_REGULAR, FC_SLANT_ITALIC);
    load_font(&sans, "Noto Sans", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN);
    emblem = cairo_image_surface_create_from_png(emblem_path);
    if (cairo_surface_status(emblem)) fail("cannot read", emblem_path);
}

int main(int argc, char **argv) {
    const char *emblem_path = NULL, *out = NULL, *only = "";
    int pages = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--emblem")) emblem_path = argv[i + 1];
        else if (!strcmp(argv[i], "--out")) out = argv[i + 1];
        else if (!strcmp(argv[i], "--pages")) pages = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--qr-length")) qr_length = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--only")) only = argv[i + 1];
        else fail("unknown option", argv[i]);
    }
    if (!emblem_path || !out) fail("usage:", "certificate-baseline --emblem PNG --out DIR [--pages N] [--qr-length N] [--only bundle|files]");
    double page_width = 297 * MM, page_height = 210 * MM;
    char path[4096];

    if (strcmp(only, "files")) {
        double start = now(), cpu_start = cpu();
        set_up(emblem_path);
        snprintf(path, sizeof path, "%s/bundle.pdf", out);
        cairo_surface_t *surface = cairo_pdf_surface_create(path, page_width, page_height);
        cairo_t *cr = cairo_create(surface);
        for (int i = 0; i < pages; i++) {
            draw_page(cr, i);
            cairo_show_page(cr);
        }
        cairo_destroy(cr);
        finish(surface);
        printf("bundle: %d pages in one PDF: %.3f s (%.3f s CPU), peak RSS %ld kB\n", pages, now() - start, cpu() - cpu_start,
               peak_kilobytes());
    }
    if (strcmp(only, "bundle")) {
        double start = now(), cpu_start = cpu();
        set_up(emblem_path);
        for (int i = 0; i < pages; i++) {
            snprintf(path, sizeof path, "%s/certificate-%04d.pdf", out, i + 1);
            cairo_surface_t *surface = cairo_pdf_surface_create(path, page_width, page_height);
            cairo_t *cr = cairo_create(surface);
            draw_page(cr, i);
            cairo_show_page(cr);
            cairo_destroy(cr);
            finish(surface);
        }
        printf("files: %d PDFs on 1 thread: %.3f s (%.3f s CPU), peak RSS %ld kB\n", pages, now() - start, cpu() - cpu_start,
               peak_kilobytes());
    }
    return 0;
}
