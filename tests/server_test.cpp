// The HTTP layer of `veille serve`: request parsing and limits, response headers, query decoding,
// the rate limiter, static files, and the epoll server over real loopback sockets.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <thread>

#include "server/http.h"
#include "server/rate_limit.h"
#include "server/static_files.h"
#include "veille/server.h"

namespace veille {
namespace {

using http::ParseState;

http::ParseResult parse(std::string_view raw, HttpRequest* req, size_t max_header = 16384, size_t max_body = 1024) {
  return http::parse_request(raw, max_header, max_body, req);
}

TEST(HttpParse, SimpleGetWithQueryAndHeaders) {
  HttpRequest req;
  std::string raw = "GET /api/search?q=pont%20de+l%27Aulne HTTP/1.1\r\nHost: x\r\nX-Thing:  a b \r\n\r\n";
  auto r = parse(raw, &req);
  ASSERT_EQ(r.state, ParseState::kComplete);
  EXPECT_EQ(r.consumed, raw.size());
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.path, "/api/search");
  EXPECT_EQ(req.query, "q=pont%20de+l%27Aulne");
  ASSERT_NE(req.header("x-thing"), nullptr);
  EXPECT_EQ(*req.header("x-thing"), "a b");
  EXPECT_TRUE(req.keep_alive);
  auto q = http::parse_query(req.query);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->at("q"), "pont de l'Aulne");
}

TEST(HttpParse, IncompleteUntilHeadersAndBodyArrive) {
  HttpRequest req;
  EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: x\r\n", &req).state, ParseState::kIncomplete);
  std::string post = "POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab";
  EXPECT_EQ(parse(post, &req).state, ParseState::kIncomplete);
  post += "cde";
  auto r = parse(post, &req);
  ASSERT_EQ(r.state, ParseState::kComplete);
  EXPECT_EQ(req.body, "abcde");
}

TEST(HttpParse, PipelinedRequestsAreConsumedOneByOne) {
  HttpRequest req;
  std::string two = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  auto r = parse(two, &req);
  ASSERT_EQ(r.state, ParseState::kComplete);
  EXPECT_EQ(req.path, "/a");
  auto r2 = parse(std::string_view(two).substr(r.consumed), &req);
  ASSERT_EQ(r2.state, ParseState::kComplete);
  EXPECT_EQ(req.path, "/b");
  EXPECT_FALSE(req.keep_alive);
}

TEST(HttpParse, LimitsAndMalformedRequests) {
  struct Case {
    std::string raw;
    int status;
  };
  const std::vector<Case> cases = {
      {"GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(20000, 'a'), 431},         // headers never end
      {"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n", 413},  // before the body
      {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505},
      {"GET / HTTP/1.1\r\n\r\n", 400},                       // HTTP/1.1 needs Host
      {"GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n", 400},     // absolute form refused
      {"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /%ff HTTP/1.1\r\nHost: x\r\n\r\n", 400},          // not UTF-8
      {"GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400},
      {"G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /" + std::string(5000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
  };
  for (const auto& c : cases) {
    HttpRequest req;
    auto r = parse(c.raw, &req);
    EXPECT_EQ(r.state, ParseState::kError) << c.raw.substr(0, 80);
    EXPECT_EQ(r.error_status, c.status) << c.raw.substr(0, 80);
    EXPECT_FALSE(r.error.empty());
  }
}

TEST(HttpParse, Http10ClosesUnlessKeepAlive) {
  HttpRequest req;
  ASSERT_EQ(parse("GET / HTTP/1.0\r\n\r\n", &req).state, ParseState::kComplete);
  EXPECT_FALSE(req.keep_alive);
  ASSERT_EQ(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", &req).state, ParseState::kComplete);
  EXPECT_TRUE(req.keep_alive);
}

TEST(HttpText, PercentDecodingAndUtf8) {
  EXPECT_EQ(*http::percent_decode("a%C3%A9+b", true), "aé b");
  EXPECT_EQ(*http::percent_decode("a+b", false), "a+b");
  EXPECT_FALSE(http::percent_decode("a%2", false));
  EXPECT_FALSE(http::percent_decode("%g0", false));
  EXPECT_TRUE(http::valid_utf8("élu à Châteaulin 😀"));
  EXPECT_FALSE(http::valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(http::valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(http::valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(http::valid_utf8("\xE2\x82"));          // truncated
  auto q = http::parse_query("a=1&b=&&c&a=2");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->at("a"), "2");
  EXPECT_EQ(q->at("b"), "");
  EXPECT_EQ(q->at("c"), "");
  EXPECT_FALSE(http::parse_query("a=%"));
}

TEST(HttpText, ResponsesCarrySecurityHeaders) {
  auto r = http::json_error(404, "story 9 not found");
  std::string out = http::serialize_response(r, true, false);
  EXPECT_EQ(out.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
  EXPECT_NE(out.find("Content-Security-Policy: default-src 'self'; script-src 'self'"), std::string::npos);
  EXPECT_NE(out.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(out.find("Connection: keep-alive"), std::string::npos);
  EXPECT_NE(out.find("Content-Length: " + std::to_string(r.body.size()) + "\r\n"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - r.body.size()), R"({"error":"story 9 not found"})");
  std::string head = http::serialize_response(r, false, true);
  EXPECT_EQ(head.find("{\"error\""), std::string::npos);
  EXPECT_NE(head.find("Connection: close"), std::string::npos);
}

TEST(RateLimiter, BurstThenRefill) {
  server::RateLimiter limiter(10, 3);
  auto t = std::chrono::steady_clock::now();
  EXPECT_TRUE(limiter.allow("a", t));
  EXPECT_TRUE(limiter.allow("a", t));
  EXPECT_TRUE(limiter.allow("a", t));
  EXPECT_FALSE(limiter.allow("a", t));
  EXPECT_TRUE(limiter.allow("b", t));  // per client
  EXPECT_TRUE(limiter.allow("a", t + std::chrono::milliseconds(110)));
  EXPECT_FALSE(limiter.allow("a", t + std::chrono::milliseconds(110)));
  server::RateLimiter off(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(off.allow("a", t));
}

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("veille_server_test_" + name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "assets");
  return dir;
}

TEST(StaticFiles, LoadsTreeAndRequiresIndex) {
  auto dir = temp_dir("static");
  EXPECT_EQ(server::StaticFiles::load(dir.string()).status().code(), StatusCode::kNotFound);
  std::ofstream(dir / "index.html") << "<!doctype html><title>x</title>";
  std::ofstream(dir / "assets" / "app-1.js") << "console.log(1)";
  auto files = server::StaticFiles::load(dir.string());
  ASSERT_TRUE(files.ok()) << files.status().to_string();
  ASSERT_NE(files.value()->index(), nullptr);
  EXPECT_EQ(files.value()->index()->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(files.value()->index()->immutable);
  const auto* js = files.value()->find("/assets/app-1.js");
  ASSERT_NE(js, nullptr);
  EXPECT_TRUE(js->immutable);
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files.value()->find("/../index.html"), nullptr);
  std::filesystem::remove_all(dir);
}

// A blocking loopback client: sends raw bytes, reads until `responses` complete responses arrived
// (by Content-Length; none for HEAD) or the server closed.
struct Client {
  int fd = -1;
  explicit Client(uint16_t port) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      close(fd);
      fd = -1;
    }
  }
  ~Client() {
    if (fd >= 0) close(fd);
  }
  void send_all(const std::string& s) const {
    size_t off = 0;
    while (off < s.size()) {
      ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return;
      off += static_cast<size_t>(n);
    }
  }
  // Complete responses read; `closed` tells whether the server closed the connection.
  std::vector<std::string> read_responses(size_t want, bool* closed = nullptr, bool head = false) const {
    std::string buf;
    std::vector<std::string> out;
    bool eof = false;
    while (out.size() < want) {
      size_t end = buf.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t cl = buf.find("Content-Length: ");
        size_t len = cl < end && !head ? std::stoul(buf.substr(cl + 16)) : 0;
        if (buf.size() >= end + 4 + len) {
          out.push_back(buf.substr(0, end + 4 + len));
          buf.erase(0, end + 4 + len);
          continue;
        }
      }
      char tmp[4096];
      ssize_t n = recv(fd, tmp, sizeof tmp, 0);
      if (n <= 0) {
        eof = n == 0;
        break;
      }
      buf.append(tmp, static_cast<size_t>(n));
    }
    if (closed) {
      if (!eof && out.size() == want) {
        char tmp[16];
        timeval tv{0, 300000};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        eof = recv(fd, tmp, sizeof tmp, 0) == 0;
      }
      *closed = eof;
    }
    return out;
  }
};

std::unique_ptr<HttpServer> echo_server(ServerOptions o = {}) {
  o.port = 0;
  o.threads = 2;
  auto server = HttpServer::start(o, []() -> Result<HttpHandler> {
    return HttpHandler([](const HttpRequest& req) {
      if (req.path == "/boom") throw std::runtime_error("/secret/path/file.db exploded");
      HttpResponse r;
      r.content_type = "text/plain";
      r.body = req.method + " " + req.path + " " + std::to_string(req.body.size());
      return r;
    });
  });
  EXPECT_TRUE(server.ok()) << server.status().to_string();
  return server.ok() ? std::move(server.value()) : nullptr;
}

TEST(HttpServer, KeepAliveAndPipelining) {
  auto server = echo_server();
  ASSERT_TRUE(server);
  Client c(server->port());
  ASSERT_GE(c.fd, 0);
  c.send_all("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nxyz");
  auto rs = c.read_responses(2);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_NE(rs[0].find("\r\n\r\nGET /a 0"), std::string::npos);
  EXPECT_NE(rs[1].find("\r\n\r\nPOST /b 3"), std::string::npos);
  // The same connection serves a third request, then closes on Connection: close.
  c.send_all("HEAD /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  bool closed = false;
  rs = c.read_responses(1, &closed, /*head=*/true);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_NE(rs[0].find("Content-Length: 9\r\n"), std::string::npos);  // HEAD: length, no body
  EXPECT_EQ(rs[0].find("HEAD /c"), std::string::npos);
  EXPECT_TRUE(closed);
}

TEST(HttpServer, BadRequestGetsJsonErrorAndClose) {
  ServerOptions o;
  o.max_body_bytes = 10;
  auto server = echo_server(o);
  ASSERT_TRUE(server);
  Client c(server->port());
  c.send_all("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
  bool closed = false;
  auto rs = c.read_responses(1, &closed);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].rfind("HTTP/1.1 413 ", 0), 0u);
  EXPECT_NE(rs[0].find(R"({"error":"request body too large"})"), std::string::npos);
  EXPECT_TRUE(closed);
}

TEST(HttpServer, HandlerExceptionIs500WithoutDetails) {
  auto server = echo_server();
  ASSERT_TRUE(server);
  Client c(server->port());
  c.send_all("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n");
  auto rs = c.read_responses(1);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].rfind("HTTP/1.1 500 ", 0), 0u);
  EXPECT_EQ(rs[0].find("secret"), std::string::npos);
}

TEST(HttpServer, RateLimitOnApiOnly) {
  ServerOptions o;
  o.rate_per_second = 0.001;
  o.rate_burst = 2;
  auto server = echo_server(o);
  ASSERT_TRUE(server);
  Client c(server->port());
  std::string req = "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n";
  c.send_all(req + req + req + "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
  auto rs = c.read_responses(4);
  ASSERT_EQ(rs.size(), 4u);
  EXPECT_EQ(rs[0].rfind("HTTP/1.1 200 ", 0), 0u);
  EXPECT_EQ(rs[1].rfind("HTTP/1.1 200 ", 0), 0u);
  EXPECT_EQ(rs[2].rfind("HTTP/1.1 429 ", 0), 0u);
  EXPECT_NE(rs[2].find("Retry-After: "), std::string::npos);
  EXPECT_EQ(rs[3].rfind("HTTP/1.1 200 ", 0), 0u);
}

TEST(HttpServer, SlowRequestTimesOut) {
  ServerOptions o;
  o.header_timeout_seconds = 1;
  auto server = echo_server(o);
  ASSERT_TRUE(server);
  Client c(server->port());
  c.send_all("GET / HTTP/1.1\r\nHo");
  bool closed = false;
  auto rs = c.read_responses(1, &closed);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].rfind("HTTP/1.1 408 ", 0), 0u);
  EXPECT_TRUE(closed);
}

TEST(HttpServer, ManyConcurrentKeepAliveConnections) {
  auto server = echo_server();
  ASSERT_TRUE(server);
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 300; ++i) {
    clients.push_back(std::make_unique<Client>(server->port()));
    ASSERT_GE(clients.back()->fd, 0);
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& c : clients) c->send_all("GET /k HTTP/1.1\r\nHost: x\r\n\r\n");
    for (auto& c : clients) ASSERT_EQ(c->read_responses(1).size(), 1u);
  }
}

TEST(HttpServer, StartFailsOnBadHostOrFactory) {
  ServerOptions o;
  o.port = 0;
  o.host = "not an address";
  auto s = HttpServer::start(o, []() -> Result<HttpHandler> { return HttpHandler(); });
  EXPECT_FALSE(s.ok());
  o.host = "127.0.0.1";
  auto f = HttpServer::start(o, []() -> Result<HttpHandler> { return Status::NotFound("db.sqlite: no such file"); });
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace veille
