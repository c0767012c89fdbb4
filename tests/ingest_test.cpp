// The ingest stage: charsets, gzip, WARC, JSON Lines, format sniffing, bad input, directory walk.
// Every fixture is built here (gzip with zlib, WARC and JSONL as strings); no third-party data.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ingest/ingest_internal.h"
#include "veille/ingest.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using ingest::append_sanitized_utf8;

std::string gzip(std::string_view data, int level = 6) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

struct Collected {
  std::vector<RawPage> pages;
  std::vector<InputError> errors;
  ReadStats stats;
};

Collected read(std::string_view name, std::string_view bytes, ReadOptions options = {}) {
  Collected c;
  read_buffer(
      name, bytes, options, [&](RawPage&& p) { c.pages.push_back(std::move(p)); },
      [&](InputError&& e) { c.errors.push_back(std::move(e)); }, &c.stats);
  return c;
}

std::string http_response(std::string_view headers, std::string_view body, int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\n" + std::string(headers) + "\r\n" +
         std::string(body);
}

std::string warc_record(std::string_view type, std::string_view uri, std::string_view block,
                        std::string_view content_type = "application/http; msgtype=response") {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) +
                  "\r\nWARC-Record-ID: <urn:uuid:0>\r\nWARC-Date: 2024-03-01T12:34:56Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

const char kHtml[] = "<!DOCTYPE html><html><head><title>Titre</title></head><body><p>Le maire "
                     "a présenté le budget.</p></body></html>";

// --- charsets -------------------------------------------------------------------------------

struct CharsetCase {
  const char* name;
  std::string bytes;
  std::string declared;
  bool is_html;
  std::string expected;
  std::string expected_charset;
};

TEST(CharsetTest, ToUtf8) {
  const std::string fffd = "\xEF\xBF\xBD";
  const CharsetCase cases[] = {
      {"plain ascii", "hello", "", false, "hello", "utf-8"},
      {"utf-8 bom", "\xEF\xBB\xBF" "caf\xC3\xA9", "", false, "café", "utf-8"},
      {"utf-16le bom", std::string("\xFF\xFE" "c\0a\0f\0\xE9\0", 10), "", false, "café", "utf-16le"},
      {"utf-16be bom", std::string("\xFE\xFF\0c\0a\0f\0\xE9", 10), "", false, "café", "utf-16be"},
      {"bom beats declaration", "\xEF\xBB\xBF\xC3\xA9t\xC3\xA9", "iso-8859-1", false, "été", "utf-8"},
      {"iso-8859-1 decodes as windows-1252", "\x93Oui\x94 \x80 d\xE9j\xE0", "ISO-8859-1", false,
       "“Oui” € déjà", "windows-1252"},
      {"latin1 label", "caf\xE9", "latin1", false, "café", "windows-1252"},
      {"declared latin-1 but valid UTF-8", "caf\xC3\xA9 \xC3\xA0 l\xE2\x80\x99heure", "iso-8859-1",
       false, "café à l’heure", "utf-8"},
      {"declared utf-8 but latin-1 bytes", "Le pr\xE9sident a d\xE9" "clar\xE9 que l'\xE9t\xE9 serait chaud.",
       "utf-8", false, "Le président a déclaré que l'été serait chaud.", "windows-1252"},
      {"mixed utf-8 keeps utf-8", "\xC3\xA9t\xC3\xA9 \xFF", "utf-8", false, "été " + fffd, "utf-8"},
      {"meta charset", "<html><head><meta charset=\"windows-1252\"></head>caf\xE9", "", true,
       "<html><head><meta charset=\"windows-1252\"></head>café", "windows-1252"},
      {"http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">\xA4", "",
       true, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">€",
       "iso-8859-15"},
      {"meta in a comment is ignored", "<!-- <meta charset=\"koi8-r\"> --><p>ok</p>", "", true,
       "<!-- <meta charset=\"koi8-r\"> --><p>ok</p>", "utf-8"},
      {"meta ignored for text", "<meta charset=\"koi8-r\">", "", false, "<meta charset=\"koi8-r\">",
       "utf-8"},
      {"declared beats meta", "<meta charset=\"koi8-r\">caf\xE9", "windows-1252", true,
       "<meta charset=\"koi8-r\">café", "windows-1252"},
      {"xml declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>\xE9</html>", "", true,
       "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>é</html>", "windows-1252"},
      {"undeclared windows-1252 detected",
       "Le pr\xE9sident de la R\xE9publique a d\xE9" "clar\xE9 hier \xE0 l'\xC9lys\xE9" "e que la "
       "r\xE9" "forme serait men\xE9" "e \xE0 son terme, malgr\xE9 les gr\xE8ves.",
       "", false,
       "Le président de la République a déclaré hier à l'Élysée que la réforme serait menée à son "
       "terme, malgré les grèves.",
       "windows-1252"},
      {"unknown label falls back to sniffing", "caf\xC3\xA9", "x-klingon", false, "café", "utf-8"},
      {"NUL becomes U+FFFD", std::string("a\0b", 3), "utf-8", false, "a" + fffd + "b", "utf-8"},
      {"windows-1251 through ICU", "\xCF\xF0\xE8\xE2\xE5\xF2", "windows-1251", false, "Привет",
       "windows-1251"},
  };
  for (const auto& c : cases) {
    std::string used;
    EXPECT_EQ(to_utf8(c.bytes, c.declared, c.is_html, &used), c.expected) << c.name;
    EXPECT_EQ(used, c.expected_charset) << c.name;
  }
}

TEST(CharsetTest, InvalidUtf8BecomesReplacementPerMaximalSubpart) {
  const std::string r = "\xEF\xBF\xBD";
  const std::pair<std::string, std::string> cases[] = {
      {"abc", "abc"},
      {"a\xFF" "b", "a" + r + "b"},
      {"a\xE2\x82" "c", "a" + r + "c"},          // truncated 3-byte sequence: one U+FFFD
      {"\xC0\xAF", r + r},                        // overlong
      {"\xED\xA0\x80", r + r + r},                // surrogate
      {"\xF4\x90\x80\x80", r + r + r + r},        // above U+10FFFF
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},   // valid 4-byte
      {"caf\xC3", "caf" + r},                     // cut at the end
      {std::string("x\0y", 3), "x" + r + "y"},
  };
  for (const auto& [in, expected] : cases) {
    std::string out;
    append_sanitized_utf8(in, &out);
    EXPECT_EQ(out, expected);
    EXPECT_TRUE(ingest::is_valid_utf8(out));
  }
  EXPECT_FALSE(ingest::is_valid_utf8("\xC3"));
  EXPECT_TRUE(ingest::is_valid_utf8("Ça va très bien, merci — et vous ?"));
}

// The rvalue overload hands a valid UTF-8 page back without copying it; every other input goes
// through the same decoding as the string_view overload, with the same output and charset.
TEST(CharsetTest, MovedBytesGiveTheSameOutput) {
  const std::string pad = "<p>Le conseil municipal a vot\xC3\xA9 le budget.</p>";  // > SSO
  const std::string latin = "Le pr\xE9sident de la R\xE9publique a d\xE9" "clar\xE9 hier \xE0 "
                            "l'\xC9lys\xE9" "e que la r\xE9" "forme serait men\xE9" "e.";
  struct Case {
    const char* name;
    std::string bytes, declared;
    bool is_html;
    bool reuses_buffer;  // valid UTF-8 without NUL: the result is the input's own buffer
  };
  const Case cases[] = {
      {"valid utf-8", pad, "", true, true},
      {"valid utf-8 declared", pad, "utf-8", true, true},
      {"ascii", std::string(100, 'a'), "", false, true},
      {"declared latin-1 but valid utf-8", pad, "iso-8859-1", false, true},
      {"utf-8 bom", "\xEF\xBB\xBF" + pad, "", true, true},
      {"bom beats declaration", "\xEF\xBB\xBF" + pad, "windows-1252", false, true},
      {"bom only", "\xEF\xBB\xBF", "", false, false},
      {"empty", "", "", true, false},
      {"NUL", pad + std::string("\0", 1) + pad, "utf-8", false, false},
      {"NUL after bom", "\xEF\xBB\xBF" + pad + std::string("\0", 1), "", false, false},
      {"invalid utf-8 in utf-8", pad + "\xFF" + pad, "", false, false},
      {"truncated sequence at the end", pad + "caf\xC3", "utf-8", false, false},
      {"undeclared windows-1252", latin, "", false, false},
      {"declared windows-1252", latin, "windows-1252", false, false},
      {"meta windows-1252", "<meta charset=\"windows-1252\">" + latin, "", true, false},
      {"declared utf-8 but latin-1", latin, "utf-8", false, false},
      {"windows-1251 through ICU", "\xCF\xF0\xE8\xE2\xE5\xF2 \xCF\xF0\xE8\xE2\xE5\xF2 "
       "\xCF\xF0\xE8\xE2\xE5\xF2", "windows-1251", false, false},
      {"utf-16le bom", std::string("\xFF\xFE" "c\0a\0f\0\xE9\0c\0a\0f\0\xE9\0c\0a\0f\0\xE9\0", 26),
       "", false, false},
      {"utf-16be bom", std::string("\xFE\xFF\0c\0a\0f\0\xE9\0c\0a\0f\0\xE9\0c\0a\0f\0\xE9", 26),
       "", false, false},
      {"unknown ICU-less label", pad, "x-klingon", false, true},
  };
  for (const auto& c : cases) {
    std::string used_view, used_moved;
    const std::string expected = to_utf8(std::string_view(c.bytes), c.declared, c.is_html, &used_view);
    std::string input = c.bytes;
    const char* buffer = input.data();
    const std::string out = to_utf8(std::move(input), c.declared, c.is_html, &used_moved);
    EXPECT_EQ(out, expected) << c.name;
    EXPECT_EQ(used_moved, used_view) << c.name;
    EXPECT_TRUE(ingest::is_valid_utf8(out)) << c.name;
    EXPECT_EQ(out.find('\0'), std::string::npos) << c.name;
    if (c.reuses_buffer) {
      EXPECT_EQ(out.data(), buffer) << c.name;
      EXPECT_EQ(used_moved, "utf-8") << c.name;
    }
  }
  // Spot checks of the copy path's output, not only its agreement with the other overload.
  std::string used;
  EXPECT_EQ(to_utf8(std::string("\xEF\xBB\xBF" "caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e"), "", false, &used),
            "café crème brûlée");
  EXPECT_EQ(used, "utf-8");
  EXPECT_EQ(to_utf8(std::string("caf\xE9 cr\xE8me br\xFBl\xE9" "e \x80"), "latin1", false, &used),
            "café crème brûlée €");
  EXPECT_EQ(used, "windows-1252");
  EXPECT_EQ(to_utf8(std::string("a\0b", 3), "utf-8", false, &used), "a\xEF\xBF\xBD" "b");
}

// is_valid_utf8 skips ASCII a word at a time; append_sanitized_utf8 (which must leave valid input
// as it is) checks byte by byte: they agree on random mixes of ASCII, valid sequences and stray
// bytes at every offset within a word and at the tail.
TEST(CharsetTest, ValidityAgreesWithSanitizingAtEveryOffset) {
  const std::string pieces[] = {"a", "bcdefgh", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                                "\xFF", "\xC3", "\xE2\x80", "\x80", "\xED\xA0\x80", "\xC0\xAF"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int round = 0; round < 3000; ++round) {
    std::string s(next() % 24, 'x');
    for (int k = next() % 5; k > 0; --k) s += pieces[next() % std::size(pieces)];
    s += std::string(next() % 20, 'y');
    std::string sanitized;
    append_sanitized_utf8(s, &sanitized);
    EXPECT_EQ(ingest::is_valid_utf8(s), sanitized == s) << round;
    std::string used;
    const std::string out = to_utf8(std::string(s), "utf-8", false, &used);
    EXPECT_TRUE(ingest::is_valid_utf8(out)) << round;
    if (used == "utf-8") {
      EXPECT_EQ(out, sanitized) << round;
    }
  }
}

TEST(CharsetTest, SniffAndLabels) {
  EXPECT_EQ(ingest::charset_from_content_type("text/html; charset=\"UTF-8\""), "UTF-8");
  EXPECT_EQ(ingest::charset_from_content_type("text/html;charset=iso-8859-1; x=y"), "iso-8859-1");
  EXPECT_EQ(ingest::charset_from_content_type("text/html"), "");
  EXPECT_EQ(ingest::canonical_charset(" UTF8 "), "utf-8");
  EXPECT_EQ(ingest::canonical_charset("US-ASCII"), "windows-1252");
  EXPECT_EQ(ingest::canonical_charset("nonsense"), "");
  EXPECT_EQ(ingest::sniff_html_charset("<META CHARSET=utf-8>"), "utf-8");
  EXPECT_EQ(ingest::sniff_html_charset(std::string(5000, ' ') + "<meta charset=utf-8>"), "");
}

// --- gzip and streams -------------------------------------------------------------------------

TEST(GzipTest, MultiMemberStreamsInSmallReads) {
  std::string a(100000, 'a'), b = "second member";
  std::string gz = gzip(a) + gzip(b) + gzip("");
  ingest::MemorySource mem(gz);
  ingest::GzipSource src(mem, 1 << 20, "test");
  std::string out;
  char buf[7];
  while (size_t k = src.read(buf, sizeof buf)) out.append(buf, k);
  EXPECT_TRUE(src.status().ok()) << src.status().to_string();
  EXPECT_EQ(out, a + b);
  EXPECT_EQ(src.members(), 3u);
}

TEST(GzipTest, TruncatedKeepsDecodedBytesAndNamesOffset) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "ligne " + std::to_string(i) + "\n";
  std::string gz = gzip(text);
  std::string cut = gz.substr(0, gz.size() / 2);
  ingest::MemorySource mem(cut);
  ingest::GzipSource src(mem, 1 << 30, "test");
  std::string out;
  char buf[4096];
  while (size_t k = src.read(buf, sizeof buf)) out.append(buf, k);
  EXPECT_EQ(src.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(src.status().message().find("truncated"), std::string::npos) << src.status().message();
  EXPECT_NE(src.status().message().find(std::to_string(cut.size())), std::string::npos);
  EXPECT_GT(out.size(), 0u);
  EXPECT_EQ(text.compare(0, out.size(), out), 0);
}

TEST(GzipTest, BombStopsAtBudget) {
  std::string gz = gzip(std::string(8 << 20, '\0'), 9);
  ingest::MemorySource mem(gz);
  ingest::GzipSource src(mem, 1 << 20, "max_file_bytes");
  std::string out;
  char buf[65536];
  while (size_t k = src.read(buf, sizeof buf)) out.append(buf, k);
  EXPECT_EQ(src.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(out.size(), size_t{1} << 20);
}

TEST(GzipTest, ExactBudgetIsFine) {
  std::string gz = gzip(std::string(1000, 'x'));
  ingest::MemorySource mem(gz);
  ingest::GzipSource src(mem, 1000, "b");
  std::string out;
  char buf[300];
  while (size_t k = src.read(buf, sizeof buf)) out.append(buf, k);
  EXPECT_TRUE(src.status().ok()) << src.status().to_string();
  EXPECT_EQ(out.size(), 1000u);
}

TEST(ReaderTest, LinesAndLongLines) {
  std::string data = "one\r\ntwo\n" + std::string(100, 'x') + "\nlast";
  ingest::MemorySource mem(data);
  ingest::Reader r(mem, 1 << 20, "b");
  std::string line;
  bool too_long;
  ASSERT_TRUE(r.read_line(&line, 10, &too_long));
  EXPECT_EQ(line, "one");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(r.read_line(&line, 10, &too_long));
  EXPECT_EQ(line, "two");
  ASSERT_TRUE(r.read_line(&line, 10, &too_long));
  EXPECT_TRUE(too_long);
  EXPECT_EQ(line.size(), 10u);
  ASSERT_TRUE(r.read_line(&line, 10, &too_long));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(r.read_line(&line, 10, &too_long));
  EXPECT_EQ(r.offset(), data.size());
}

// --- single files and sniffing ----------------------------------------------------------------

struct FileCase {
  const char* name;
  std::string file_name;
  std::string bytes;
  size_t pages;
  PageFormat format;          // of the first page
  std::string content_part;   // found in the first page's content
  StatusCode error;           // of the first error, kOk if none
  std::string error_part;     // found in that error's message
};

TEST(ReadBufferTest, FormatsAndBadInput) {
  std::string truncated = gzip(std::string(50000, 'p') + kHtml);
  truncated.resize(truncated.size() - 20);
  const FileCase cases[] = {
      {"html", "a.html", kHtml, 1, PageFormat::kHtml, "Le maire", StatusCode::kOk, ""},
      {"text", "a.txt", "Titre\n\nUn paragraphe.", 1, PageFormat::kText, "Un paragraphe",
       StatusCode::kOk, ""},
      {"sniffed html", "page", kHtml, 1, PageFormat::kHtml, "Le maire", StatusCode::kOk, ""},
      {"sniffed text", "-", "Juste du texte.", 1, PageFormat::kText, "Juste", StatusCode::kOk, ""},
      {"html.gz", "a.html.gz", gzip(kHtml), 1, PageFormat::kHtml, "Le maire", StatusCode::kOk, ""},
      {"gzip sniffed by magic", "a.html", gzip(kHtml), 1, PageFormat::kHtml, "Le maire",
       StatusCode::kOk, ""},
      {"multi-member page", "a.txt.gz", gzip("part one, ") + gzip("part two"), 1, PageFormat::kText,
       "part one, part two", StatusCode::kOk, ""},
      {"latin-1 page", "a.html", "<meta charset=iso-8859-1><p>\xE9t\xE9</p>", 1, PageFormat::kHtml,
       "été", StatusCode::kOk, ""},
      {"utf-16 without bom", "a.txt", std::string("B\0o\0n\0j\0o\0u\0r\0 \0l\0e\0 \0m\0o\0n\0d\0e\0", 32),
       1, PageFormat::kText, "Bonjour le monde", StatusCode::kOk, ""},
      {"truncated gzip", "a.html.gz", truncated, 0, PageFormat::kHtml, "", StatusCode::kCorrupt,
       "truncated gzip"},
      {"png", "a.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 0, PageFormat::kHtml, "",
       StatusCode::kUnsupported, "binary file (PNG image)"},
      {"pdf", "doc.txt", "%PDF-1.7\n%\xE2\xE3\xCF\xD3", 0, PageFormat::kHtml, "",
       StatusCode::kUnsupported, "PDF document"},
      {"zip", "x", "PK\x03\x04\x14\0\0\0", 0, PageFormat::kHtml, "", StatusCode::kUnsupported,
       "ZIP archive"},
      {"nul bytes", "a.html", std::string("<p>a\0\0\0\x01\x02\x03</p>", 13), 0, PageFormat::kHtml, "",
       StatusCode::kUnsupported, "NUL bytes"},
      {"png in gzip", "a.html.gz", gzip(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), 0,
       PageFormat::kHtml, "", StatusCode::kUnsupported, "PNG image"},
      {"empty", "a.html", "", 0, PageFormat::kHtml, "", StatusCode::kCorrupt, "empty file"},
      {"empty gzip member", "a.html.gz", gzip(""), 0, PageFormat::kHtml, "", StatusCode::kCorrupt,
       "empty"},
      {"corrupt gzip", "a.html.gz", "\x1f\x8b\x08\0garbage garbage garbage", 0, PageFormat::kHtml, "",
       StatusCode::kCorrupt, "gzip"},
  };
  for (const auto& c : cases) {
    Collected r = read(c.file_name, c.bytes);
    ASSERT_EQ(r.pages.size(), c.pages) << c.name;
    if (c.pages) {
      EXPECT_EQ(r.pages[0].format, c.format) << c.name;
      EXPECT_NE(r.pages[0].content.find(c.content_part), std::string::npos)
          << c.name << ": " << r.pages[0].content;
      EXPECT_EQ(r.pages[0].source, c.file_name) << c.name;
      EXPECT_TRUE(ingest::is_valid_utf8(r.pages[0].content)) << c.name;
    }
    if (c.error == StatusCode::kOk) {
      EXPECT_TRUE(r.errors.empty()) << c.name << ": " << r.errors[0].status.to_string();
    } else {
      ASSERT_FALSE(r.errors.empty()) << c.name;
      EXPECT_EQ(r.errors[0].status.code(), c.error) << c.name << ": " << r.errors[0].status.to_string();
      EXPECT_NE(r.errors[0].status.message().find(c.error_part), std::string::npos)
          << c.name << ": " << r.errors[0].status.message();
      EXPECT_EQ(r.errors[0].source, c.file_name) << c.name;
    }
  }
}

TEST(ReadBufferTest, Budgets) {
  ReadOptions small;
  small.max_page_bytes = 1000;
  Collected big = read("big.html", std::string(5000, 'a'), small);
  ASSERT_EQ(big.errors.size(), 1u);
  EXPECT_EQ(big.errors[0].status.code(), StatusCode::kTooLarge);
  EXPECT_NE(big.errors[0].status.message().find("max_page_bytes"), std::string::npos);

  Collected big_gz = read("big.html.gz", gzip(std::string(5000, 'a')), small);
  ASSERT_EQ(big_gz.errors.size(), 1u);
  EXPECT_EQ(big_gz.errors[0].status.code(), StatusCode::kTooLarge);

  ReadOptions tiny_file;
  tiny_file.max_file_bytes = 1 << 20;
  Collected bomb = read("bomb.txt.gz", gzip(std::string(16 << 20, ' '), 9), tiny_file);
  ASSERT_EQ(bomb.errors.size(), 1u);
  EXPECT_EQ(bomb.errors[0].status.code(), StatusCode::kTooLarge);
  EXPECT_NE(bomb.errors[0].status.message().find("max_file_bytes"), std::string::npos)
      << bomb.errors[0].status.message();
}

// --- WARC ---------------------------------------------------------------------------------------

std::string sample_warc() {
  std::string w;
  w += warc_record("warcinfo", "", "software: test\r\n", "application/warc-fields");
  w += warc_record("request", "http://ex.fr/a", "GET /a HTTP/1.1\r\nHost: ex.fr\r\n\r\n",
                   "application/http; msgtype=request");
  w += warc_record("response", "http://ex.fr/a",
                   http_response("Content-Type: text/html; charset=UTF-8\r\n", kHtml));
  w += warc_record("response", "http://ex.fr/logo.png",
                   http_response("Content-Type: image/png\r\n", std::string("\x89PNG\r\n\x1a\n\0\0", 10)));
  w += warc_record("metadata", "http://ex.fr/a", "fetchTimeMs: 12\r\n", "application/warc-fields");
  w += warc_record("response", "http://ex.fr/b",
                   http_response("Content-Type: text/html; charset=iso-8859-1\r\n",
                                 "<html><body><p>Deuxi\xE8me page \x80</p></body></html>"));
  w += warc_record("response", "http://ex.fr/old", http_response("Location: /b\r\n", "", 301));
  return w;
}

TEST(WarcTest, ResponsesWithHtmlArePages) {
  Collected r = read("crawl.warc", sample_warc());
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].source << ": " << r.errors[0].status.to_string();
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].source, "crawl.warc#3");
  EXPECT_EQ(r.pages[0].url, "http://ex.fr/a");
  EXPECT_EQ(r.pages[0].date, "2024-03-01T12:34:56Z");
  EXPECT_EQ(r.pages[0].content, kHtml);
  EXPECT_EQ(r.pages[1].source, "crawl.warc#6");
  EXPECT_NE(r.pages[1].content.find("Deuxième page €"), std::string::npos) << r.pages[1].content;
  EXPECT_EQ(r.pages[1].charset, "windows-1252");
  EXPECT_EQ(r.stats.skipped_records, 5u);
  EXPECT_EQ(r.stats.pages, 2u);
}

TEST(WarcTest, GzipPerRecordLikeCommonCrawl) {
  std::string gz;
  std::string w = sample_warc();
  // One member per record, as Common Crawl writes them.
  size_t pos = 0;
  while (pos < w.size()) {
    size_t next = w.find("WARC/1.1\r\n", pos + 1);
    if (next == std::string::npos) next = w.size();
    gz += gzip(std::string_view(w).substr(pos, next - pos));
    pos = next;
  }
  Collected r = read("crawl.warc.gz", gz);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].source, "crawl.warc.gz#3");
  // Sniffed from content whatever the name says.
  Collected sniffed = read("download.bin", gz);
  EXPECT_EQ(sniffed.pages.size(), 2u);
}

TEST(WarcTest, HttpChunkedGzipAndSniffing) {
  std::string body = "<html><body><p>Compress\xC3\xA9</p></body></html>";
  std::string gz_body = gzip(body);
  char size_hex[16];
  snprintf(size_hex, sizeof size_hex, "%zx", gz_body.size());
  std::string chunked = std::string(size_hex) + "\r\n" + gz_body + "\r\n0\r\n\r\n";
  std::string w = warc_record(
      "response", "http://ex.fr/c",
      http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                    chunked));
  // Already decoded by the crawler though the header remains.
  w += warc_record("response", "http://ex.fr/d",
                   http_response("Content-Encoding: gzip\r\nContent-Type: text/html\r\n", body));
  // No Content-Type at all: sniffed.
  w += warc_record("response", "http://ex.fr/e", http_response("Server: x\r\n", body));
  // text/plain is not a page.
  w += warc_record("response", "http://ex.fr/f.txt",
                   http_response("Content-Type: text/plain\r\n", "<html>not</html>"));
  // A resource record holding HTML.
  w += warc_record("resource", "file:///g.html", body, "text/html");
  Collected r = read("x.warc", w);
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].status.to_string();
  ASSERT_EQ(r.pages.size(), 4u);
  for (const auto& p : r.pages) EXPECT_EQ(p.content, body) << p.source;
  EXPECT_EQ(r.stats.skipped_records, 1u);
}

TEST(WarcTest, BadRecordsAreReportedAndReadingGoesOn) {
  std::string good = warc_record("response", "http://ex.fr/a",
                                 http_response("Content-Type: text/html\r\n", kHtml));
  std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://ex.fr/x\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
  std::string huge = warc_record("response", "http://ex.fr/huge",
                                 http_response("Content-Type: text/html\r\n", std::string(5000, 'h')));
  ReadOptions opts;
  opts.max_page_bytes = 2000;
  Collected r = read("bad.warc", good + no_length + huge + good + "garbage line\r\n" + good, opts);
  ASSERT_EQ(r.pages.size(), 3u);
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].source, "bad.warc#2");
  EXPECT_NE(r.errors[0].status.message().find("Content-Length"), std::string::npos);
  EXPECT_EQ(r.errors[1].source, "bad.warc#3");
  EXPECT_EQ(r.errors[1].status.code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.errors[2].status.code(), StatusCode::kCorrupt);
  EXPECT_EQ(r.pages[2].url, "http://ex.fr/a");
}

TEST(WarcTest, TruncatedWarcKeepsEarlierRecords) {
  std::string w = sample_warc();
  std::string cut = w.substr(0, w.find("Deuxi"));  // inside the second page's record
  Collected r = read("cut.warc", cut);
  ASSERT_EQ(r.pages.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].source, "cut.warc#6");
  EXPECT_NE(r.errors[0].status.message().find("truncated WARC record"), std::string::npos);

  std::string gz = gzip(w, 1);
  Collected rz = read("cut.warc.gz", gz.substr(0, gz.size() - 30));
  EXPECT_GE(rz.pages.size(), 1u);  // what was decoded before the cut is kept
  ASSERT_EQ(rz.errors.size(), 1u);
  EXPECT_NE(rz.errors.back().status.message().find("gzip"), std::string::npos)
      << rz.errors.back().status.message();
}

TEST(WarcTest, NotAWarc) {
  Collected r = read("x.warc", "hello\nworld\n");
  EXPECT_TRUE(r.pages.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].source, "x.warc#1");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kCorrupt);
}

TEST(WarcTest, HttpResponseParsing) {
  ingest::HttpPayload h;
  ASSERT_TRUE(ingest::parse_http_response("HTTP/1.1 404 Not Found\nContent-Type: TEXT/HTML ; charset=latin1\n\nbody",
                                          1 << 20, &h).ok());
  EXPECT_EQ(h.status, 404);
  EXPECT_EQ(h.content_type, "text/html");
  EXPECT_EQ(h.charset, "latin1");
  EXPECT_EQ(h.body, "body");
  EXPECT_FALSE(ingest::parse_http_response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 1 << 20, &h).ok());
  ASSERT_TRUE(ingest::parse_http_response("not http", 1 << 20, &h).ok());
  EXPECT_EQ(h.status, 0);
}

// take_http_response gives what parse_http_response gives, reusing the block's buffer for an
// identity-coded body.
TEST(WarcTest, TakeHttpResponseMatchesParse) {
  const std::string page = std::string(kHtml) + std::string(300, ' ');
  std::string size_hex;
  {
    char b[16];
    std::snprintf(b, sizeof b, "%zx", page.size());
    size_hex = b;
  }
  const std::string blocks[] = {
      http_response("Content-Type: text/html; charset=UTF-8\r\n", page),
      http_response("Content-Type: text/html\r\n", ""),
      http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                    size_hex + "\r\n" + page + "\r\n0\r\n\r\n"),
      http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
      http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", page),  // not chunked
      http_response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzip(page)),
      http_response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", page),  // already decoded
      http_response("Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x02\x03binary"),
      http_response("Content-Type: text/html\r\n", page, 301),
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",  // headers not terminated
      "not http at all, a dns: record for instance",
  };
  for (size_t k = 0; k < std::size(blocks); ++k) {
    ingest::HttpPayload parsed, taken;
    Status a = ingest::parse_http_response(blocks[k], 1 << 20, &parsed);
    std::string block = blocks[k];
    Status b = ingest::take_http_response(std::move(block), 1 << 20, &taken);
    EXPECT_EQ(a.code(), b.code()) << k;
    EXPECT_EQ(a.message(), b.message()) << k;
    EXPECT_EQ(parsed.status, taken.status) << k;
    EXPECT_EQ(parsed.content_type, taken.content_type) << k;
    EXPECT_EQ(parsed.charset, taken.charset) << k;
    EXPECT_EQ(parsed.body, taken.body) << k;
  }
  std::string block = blocks[0];
  const char* buffer = block.data();
  ingest::HttpPayload h;
  ASSERT_TRUE(ingest::take_http_response(std::move(block), 1 << 20, &h).ok());
  EXPECT_EQ(h.body, page);
  EXPECT_EQ(h.body.data(), buffer);  // the body was moved down, not copied
}

// The moves on the read path leave what a WARC, a JSON Lines file and a single page give as it
// was: a UTF-8 page with a BOM, one with a NUL, one in windows-1252, a chunked one.
TEST(WarcTest, PagesThroughTheMovePathsAreUnchanged) {
  const std::string body = std::string(kHtml) + std::string(200, '\n');
  const std::string latin = "<html><body><p>Le pr\xE9sident a d\xE9" "clar\xE9 que l'\xE9t\xE9 "
                            "serait chaud, tr\xE8s chaud.</p></body></html>";
  const std::string nul_page = body + std::string(5000, ' ') + std::string("\0", 1) + "x";
  std::string warc =
      warc_record("response", "https://ex.fr/a", http_response("Content-Type: text/html\r\n", body)) +
      warc_record("response", "https://ex.fr/b",
                  http_response("Content-Type: text/html\r\n", "\xEF\xBB\xBF" + body)) +
      warc_record("response", "https://ex.fr/c",
                  // past the first 4 KiB, where a NUL would mark a binary payload
                  http_response("Content-Type: text/html\r\n", nul_page)) +
      warc_record("response", "https://ex.fr/d",
                  http_response("Content-Type: text/html; charset=iso-8859-1\r\n", latin)) +
      warc_record("resource", "https://ex.fr/e", body, "text/html");
  Collected r = read("x.warc", warc);
  ASSERT_EQ(r.pages.size(), 5u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.pages[0].content, body);
  EXPECT_EQ(r.pages[1].content, body);  // BOM dropped
  EXPECT_EQ(r.pages[1].charset, "utf-8");
  EXPECT_EQ(r.pages[2].content, body + std::string(5000, ' ') + "\xEF\xBF\xBD" "x");
  EXPECT_EQ(r.pages[3].content,
            "<html><body><p>Le président a déclaré que l'été serait chaud, très chaud.</p></body></html>");
  EXPECT_EQ(r.pages[3].charset, "windows-1252");
  EXPECT_EQ(r.pages[4].content, body);
  for (const RawPage& p : r.pages) EXPECT_TRUE(ingest::is_valid_utf8(p.content)) << p.source;

  Collected one = read("page.html", "\xEF\xBB\xBF" + body);
  ASSERT_EQ(one.pages.size(), 1u);
  EXPECT_EQ(one.pages[0].content, body);
  Collected lat = read("page.html", latin);
  ASSERT_EQ(lat.pages.size(), 1u);
  EXPECT_EQ(lat.pages[0].content, r.pages[3].content);

  Collected j = read("x.jsonl", "{\"html\": \"<p>caf\u00e9 " + std::string(40, 'x') +
                                    "</p>\"}\n{\"html\": \"<p>a\\u0000b " + std::string(40, 'x') +
                                    "</p>\"}\n");
  ASSERT_EQ(j.pages.size(), 2u);
  EXPECT_EQ(j.pages[0].content, "<p>café " + std::string(40, 'x') + "</p>");
  EXPECT_EQ(j.pages[1].content, "<p>a\xEF\xBF\xBD" "b " + std::string(40, 'x') + "</p>");
}

// A response's HTTP headers are looked for in the first 16 KiB of its block: headers that end
// just before, at or after that point, headers longer than it, an empty last line without '\n',
// and records cut inside the body all read as they did when the whole block was read at once.
TEST(WarcTest, HttpHeadersAroundTheLookAhead) {
  const std::string body = std::string(kHtml) + std::string(20000, ' ');
  const std::string fixed = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: \r\n\r\n";
  for (size_t head : {size_t{16383}, size_t{16384}, size_t{16385}, size_t{40000}, fixed.size()}) {
    std::string pad(head - fixed.size(), 'p');
    std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + pad + "\r\n\r\n" + body;
    ASSERT_EQ(block.size(), head + body.size());
    // Small records first, so that the look-ahead starts at various places of the Reader's buffer.
    std::string warc = warc_record("response", "https://ex.fr/small", http_response("Content-Type: text/html\r\n", kHtml)) +
                       warc_record("response", "https://ex.fr/big", block);
    Collected r = read("x.warc", warc);
    ASSERT_EQ(r.pages.size(), 2u) << head;
    EXPECT_EQ(r.pages[1].content, body) << head;
    EXPECT_TRUE(r.errors.empty()) << head;
    Collected z = read("x.warc.gz", gzip(warc));
    ASSERT_EQ(z.pages.size(), 2u) << head;
    EXPECT_EQ(z.pages[1].content, body) << head;

    // Cut inside the body: the same error as for a block read at once.
    std::string cut = warc.substr(0, warc.size() - 4 - 1000);  // "\r\n\r\n" and 1,000 bytes short
    Collected c = read("x.warc", cut);
    ASSERT_EQ(c.pages.size(), 1u) << head;
    ASSERT_EQ(c.errors.size(), 1u) << head;
    EXPECT_EQ(c.errors[0].source, "x.warc#2");
    EXPECT_EQ(c.errors[0].status.message(),
              "truncated WARC record: Content-Length " + std::to_string(block.size()) +
                  " but the file ends after " + std::to_string(block.size() - 1000) + " bytes")
        << head;
  }
  // The headers' empty last line without '\n' at the very end of the block: headers ended, body
  // empty, record skipped.
  Collected e = read("x.warc", warc_record("response", "https://ex.fr/e",
                                           "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r"));
  EXPECT_TRUE(e.pages.empty());
  EXPECT_TRUE(e.errors.empty());
  EXPECT_EQ(e.stats.skipped_records, 1u);
  // No empty line at all: the headers are not terminated.
  Collected t = read("x.warc", warc_record("response", "https://ex.fr/t",
                                           "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"));
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].status.message(), "HTTP headers not terminated (truncated record)");
}

// --- JSON Lines ---------------------------------------------------------------------------------

TEST(JsonlTest, LinesArePagesAndBadLinesAreReported) {
  std::string data =
      "{\"html\": \"<p>Bonjour</p>\", \"url\": \"https://ex.fr/1\", \"date\": \"2024-05-06\"}\n"
      "\n"
      "{\"text\": \"Titre\\n\\nCorps\"}\r\n"
      "{\"html\": \"<p>oops\"\n"
      "[1, 2]\n"
      "{\"title\": \"no body\"}\n"
      + std::string(10000, '[') + "\n"
      "{\"text\": \"nul\\u0000here\", \"url\": 5}\n";
  Collected r = read("feed.jsonl", data);
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(r.pages[0].source, "feed.jsonl#1");
  EXPECT_EQ(r.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(r.pages[0].url, "https://ex.fr/1");
  EXPECT_EQ(r.pages[0].date, "2024-05-06");
  EXPECT_EQ(r.pages[1].source, "feed.jsonl#3");
  EXPECT_EQ(r.pages[1].format, PageFormat::kText);
  EXPECT_EQ(r.pages[1].content, "Titre\n\nCorps");
  EXPECT_EQ(r.pages[2].content, "nul\xEF\xBF\xBDhere");
  EXPECT_FALSE(r.pages[2].url.has_value());
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].source, "feed.jsonl#4");
  EXPECT_NE(r.errors[0].status.message().find("invalid JSON"), std::string::npos);
  EXPECT_EQ(r.errors[1].source, "feed.jsonl#5");
  EXPECT_NE(r.errors[1].status.message().find("expected a JSON object"), std::string::npos);
  EXPECT_EQ(r.errors[2].source, "feed.jsonl#6");
  EXPECT_EQ(r.errors[3].source, "feed.jsonl#7");
  EXPECT_EQ(r.errors[3].status.code(), StatusCode::kTooLarge);

  Collected gz = read("feed.jsonl.gz", gzip(data));
  EXPECT_EQ(gz.pages.size(), 3u);
  Collected sniffed = read("-", data);
  EXPECT_EQ(sniffed.pages.size(), 3u);
}

TEST(JsonlTest, TruncatedGzipReportsTheCutLine) {
  std::string data;
  for (int i = 0; i < 2000; ++i) data += "{\"text\": \"ligne numéro " + std::to_string(i) + "\"}\n";
  std::string gz = gzip(data);
  Collected r = read("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  EXPECT_GT(r.pages.size(), 10u);
  EXPECT_LT(r.pages.size(), 2000u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kCorrupt);
  EXPECT_NE(r.errors[0].status.message().find("truncated gzip"), std::string::npos);
}

// --- files and directories ----------------------------------------------------------------------

class ReadInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille_ingest_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub" / "deeper");
    fs::create_directories(dir_ / ".hidden");
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "locked.html", fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }
  void write(const fs::path& rel, std::string_view bytes) {
    std::ofstream(dir_ / rel, std::ios::binary) << bytes;
  }
  Collected run(const std::vector<std::string>& inputs) {
    Collected c;
    Status st = read_inputs(
        inputs, {}, [&](RawPage&& p) { c.pages.push_back(std::move(p)); },
        [&](InputError&& e) { c.errors.push_back(std::move(e)); }, &c.stats);
    EXPECT_TRUE(st.ok());
    return c;
  }
  fs::path dir_;
};

TEST_F(ReadInputsTest, WalksSortedSkippingHiddenAndNonPages) {
  write("b.html", kHtml);
  write("a.txt", "texte");
  write("sub/deeper/c.jsonl", "{\"text\": \"un\"}\n{\"text\": \"deux\"}\n");
  write("sub/image.png", "\x89PNG\r\n\x1a\n");
  write(".hidden/x.html", kHtml);
  write(".dot.html", kHtml);
  write("z.html.gz", gzip(kHtml));
  Collected c = run({dir_.string()});
  EXPECT_TRUE(c.errors.empty());
  std::vector<std::string> sources;
  for (const auto& p : c.pages) sources.push_back(fs::path(p.source).lexically_relative(dir_).string());
  EXPECT_EQ(sources, (std::vector<std::string>{"a.txt", "b.html", "sub/deeper/c.jsonl#1",
                                               "sub/deeper/c.jsonl#2", "z.html.gz"}));
  EXPECT_EQ(c.stats.skipped_files, 1u);
}

TEST_F(ReadInputsTest, MissingUnreadableAndEmptyInputsAreReportedAndTheBatchGoesOn) {
  write("empty.html", "");
  write("good.html", kHtml);
  write("locked.html", kHtml);
  fs::permissions(dir_ / "locked.html", fs::perms::none);
  std::string missing = (dir_ / "missing.html").string();
  Collected c = run({missing, (dir_ / "empty.html").string(), (dir_ / "locked.html").string(),
                     (dir_ / "good.html").string()});
  bool root = ::geteuid() == 0;  // root reads the locked file anyway
  ASSERT_EQ(c.pages.size(), root ? 2u : 1u);
  EXPECT_EQ(c.pages.back().source, (dir_ / "good.html").string());
  ASSERT_EQ(c.errors.size(), root ? 2u : 3u);
  EXPECT_EQ(c.errors[0].source, missing);
  EXPECT_EQ(c.errors[0].status.code(), StatusCode::kNotFound);
  EXPECT_EQ(c.errors[1].status.message(), "empty file");
  if (!root) {
    EXPECT_EQ(c.errors[2].status.code(), StatusCode::kIo);
  }
}

TEST_F(ReadInputsTest, LargeFileRefusedWithoutReadingIt) {
  {
    std::ofstream f(dir_ / "huge.html", std::ios::binary);
    f << "<html><body>" << std::string(8192, 'a');  // sparse after this
    f.seekp((size_t{65} << 20) - 1);
    f.put('x');
  }
  Collected c = run({(dir_ / "huge.html").string()});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].status.code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace veille
