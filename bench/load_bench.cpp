// Load test of `veille serve`: requests/s and latency percentiles for search and story pages at N
// concurrent keep-alive connections. Starts the server in this process on a free loopback port
// (the same HttpServer and handlers as `veille serve`, rate limit off) over a database written by
// `veille ingest`, then drives it from one epoll client thread; each phase is bounded in time.
//
//   ./build/veille ingest --db /tmp/samples.db samples/html samples/text samples/jsonl
//   ./build/bench/load_bench --db /tmp/samples.db [--connections 200] [--seconds 10] [--threads 0]
//                            [--cache-mb 64]   (0: every request goes to the store)
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "veille/server.h"
#include "veille/store.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Phase {
  std::string name;
  std::vector<std::string> paths;  // cycled through
};

struct Conn {
  int fd = -1;
  std::string out;
  size_t out_off = 0;
  std::string in;
  Clock::time_point sent;
  bool busy = false;
};

struct Figures {
  size_t ok = 0, errors = 0;
  double seconds = 0;
  std::vector<double> latency_ms;
};

int connect_to(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// One complete response at the front of in: its length, else 0. Sets *status.
size_t response_length(const std::string& in, int* status) {
  size_t end = in.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  *status = std::atoi(in.c_str() + 9);
  size_t cl = in.find("Content-Length: ");
  size_t len = cl != std::string::npos && cl < end ? std::stoul(in.substr(cl + 16)) : 0;
  return in.size() >= end + 4 + len ? end + 4 + len : 0;
}

Figures run_phase(uint16_t port, const Phase& phase, int connections, double seconds) {
  Figures f;
  int ep = epoll_create1(0);
  std::vector<Conn> conns(static_cast<size_t>(connections));
  size_t next = 0;
  auto send_next = [&](Conn& c) {
    const std::string& path = phase.paths[next++ % phase.paths.size()];
    c.out = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    c.out_off = 0;
    c.sent = Clock::now();
    c.busy = true;
    ssize_t n = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
    if (n > 0) c.out_off = static_cast<size_t>(n);
  };
  for (size_t i = 0; i < conns.size(); ++i) {
    conns[i].fd = connect_to(port);
    if (conns[i].fd < 0) {
      std::cerr << "load_bench: connect failed: " << std::strerror(errno) << "\n";
      std::exit(1);
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = i;
    epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev);
  }
  auto start = Clock::now();
  auto deadline = start + std::chrono::duration<double>(seconds);
  for (auto& c : conns) send_next(c);
  epoll_event events[512];
  char buf[65536];
  while (Clock::now() < deadline) {
    int n = epoll_wait(ep, events, 512, 100);
    for (int i = 0; i < n; ++i) {
      Conn& c = conns[events[i].data.u64];
      ssize_t r;
      while ((r = recv(c.fd, buf, sizeof buf, 0)) > 0) c.in.append(buf, static_cast<size_t>(r));
      if (r == 0) {
        std::cerr << "load_bench: the server closed a connection\n";
        std::exit(1);
      }
      int status = 0;
      while (size_t len = response_length(c.in, &status)) {
        c.in.erase(0, len);
        auto now = Clock::now();
        (status == 200 ? f.ok : f.errors) += 1;
        f.latency_ms.push_back(std::chrono::duration<double, std::milli>(now - c.sent).count());
        c.busy = false;
        if (now < deadline) send_next(c);
      }
      // A request larger than the socket buffer never happens here (GET lines are short).
    }
  }
  f.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& c : conns) close(c.fd);
  close(ep);
  return f;
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  size_t k = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int connections = 200;
  double seconds = 10;
  unsigned threads = 0;
  size_t cache_mb = 64;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "load_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--db") db = value();
    else if (a == "--connections") connections = std::stoi(value());
    else if (a == "--seconds") seconds = std::stod(value());
    else if (a == "--threads") threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--cache-mb") cache_mb = std::stoul(value());
    else {
      std::cerr << "usage: load_bench --db PATH [--connections N] [--seconds S] [--threads N] [--cache-mb N]\n";
      return 2;
    }
  }
  if (db.empty() || connections < 1 || connections > 5000 || seconds <= 0 || seconds > 120) {
    std::cerr << "usage: load_bench --db PATH [--connections 1..5000] [--seconds 0..120] [--threads N]\n";
    return 2;
  }
  // The paths: every story page, and searches for the most mentioned entities' names.
  veille::SqliteStoreOptions so;
  so.must_exist = true;
  so.read_only = true;
  auto store = veille::open_sqlite_store(db, so);
  if (!store.ok()) {
    std::cerr << "load_bench: " << store.status().to_string() << "\n";
    return 1;
  }
  Phase search{"search", {}}, story{"story", {}};
  veille::StoryListQuery sq;
  sq.limit = 200;
  auto stories = (*store)->list_stories(sq);
  auto entities = (*store)->list_entities("", 20, 0);
  if (!stories.ok() || !entities.ok() || stories->stories.empty() || entities->entities.empty()) {
    std::cerr << "load_bench: the database has no story or entity (ingest samples/ first)\n";
    return 1;
  }
  for (const auto& s : stories->stories) story.paths.push_back("/api/stories/" + std::to_string(s.id));
  for (const auto& e : entities->entities) {
    std::string q;
    for (unsigned char c : e.name) {
      if (std::isalnum(c) || c >= 0x80) q += static_cast<char>(c);
      else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        q += hex;
      }
    }
    search.paths.push_back("/api/search?q=" + q + "&limit=20");
  }

  veille::ServerOptions o;
  o.db_path = db;
  o.port = 0;
  o.threads = threads;
  o.rate_per_second = 0;
  o.cache_bytes = cache_mb << 20;
  auto server = veille::HttpServer::start(o, veille::make_app_factory(o));
  if (!server.ok()) {
    std::cerr << "load_bench: " << server.status().to_string() << "\n";
    return 1;
  }
  std::printf("load_bench: %s, %d keep-alive connections, %.0f s per phase, server threads %u, cache %zu MiB\n",
              db.c_str(), connections, seconds, threads, cache_mb);
  for (const Phase& phase : {search, story}) {
    // A short warm-up (page cache, statement caches), then the measured run.
    run_phase(server.value()->port(), phase, connections, std::min(1.0, seconds));
    Figures f = run_phase(server.value()->port(), phase, connections, seconds);
    std::printf("%-7s %zu paths: %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%zu ok, %zu errors)\n",
                phase.name.c_str(), phase.paths.size(), static_cast<double>(f.ok + f.errors) / f.seconds,
                percentile(f.latency_ms, 50), percentile(f.latency_ms, 90), percentile(f.latency_ms, 99),
                f.latency_ms.empty() ? 0.0 : *std::max_element(f.latency_ms.begin(), f.latency_ms.end()), f.ok, f.errors);
  }
  std::printf("reproduce: %s --db %s --connections %d --seconds %.0f --threads %u --cache-mb %zu\n", argv[0],
              db.c_str(), connections, seconds, threads, cache_mb);
  server.value()->stop();
  server.value()->wait();
  return 0;
}
