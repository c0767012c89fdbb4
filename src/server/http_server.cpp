// The epoll server: one event loop per worker thread, all accepting from one listening socket
// (EPOLLEXCLUSIVE wakes one worker per connection). Requests are handled inline on the worker that
// read them, by that worker's own handler.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <future>
#include <iostream>
#include <thread>
#include <unordered_map>

#include "server/http.h"
#include "server/rate_limit.h"
#include "veille/server.h"

namespace veille {

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kListenTag = ~0ull;
constexpr uint64_t kWakeTag = ~0ull - 1;

struct Conn {
  int fd = -1;
  std::string client;
  std::string in;
  std::string out;
  size_t out_off = 0;
  bool close_after = false;
  bool want_write = false;
  Clock::time_point last_activity;
  Clock::time_point request_start;  // when the first byte of the pending request arrived
};

std::string peer_address(const sockaddr_storage& ss) {
  char buf[INET6_ADDRSTRLEN] = {0};
  if (ss.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(ss).sin_addr, buf, sizeof buf);
  } else if (ss.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(ss).sin6_addr, buf, sizeof buf);
  }
  return buf;
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  HttpHandlerFactory factory;
  int listen_fd = -1;
  uint16_t port = 0;
  std::atomic<bool> stopping{false};
  std::atomic<size_t> connections{0};
  server::RateLimiter limiter;
  std::vector<int> wake_fds;
  std::vector<std::thread> threads;

  explicit Impl(const ServerOptions& o) : options(o), limiter(o.rate_per_second, o.rate_burst) {}
  ~Impl() {
    if (listen_fd >= 0) close(listen_fd);
    for (int fd : wake_fds)
      if (fd >= 0) close(fd);
  }

  void worker(size_t index, std::promise<Status> ready);
};

namespace {

class Worker {
 public:
  Worker(HttpServer::Impl& s, HttpHandler handler, int epfd)
      : s_(s), handler_(std::move(handler)), epfd_(epfd) {}
  ~Worker() {
    for (auto& [fd, c] : conns_) {
      close(fd);
      s_.connections.fetch_sub(1);
    }
  }

  void on_listen() {
    // Accept a bounded batch so that one worker cannot starve its own connections.
    for (int i = 0; i < 64; ++i) {
      sockaddr_storage ss{};
      socklen_t len = sizeof ss;
      int fd = accept4(s_.listen_fd, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN (another worker took it), or a transient error
      if (s_.connections.fetch_add(1) >= s_.options.max_connections) {
        s_.connections.fetch_sub(1);
        close(fd);
        continue;
      }
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto c = std::make_unique<Conn>();
      c->fd = fd;
      c->client = peer_address(ss);
      c->last_activity = Clock::now();
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.u64 = static_cast<uint64_t>(fd);
      if (epoll_ctl(epfd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
        close(fd);
        s_.connections.fetch_sub(1);
        continue;
      }
      conns_.emplace(fd, std::move(c));
    }
  }

  void on_event(int fd, uint32_t events) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    Conn& c = *it->second;
    if (events & (EPOLLERR | EPOLLHUP)) return drop(fd);
    if (events & EPOLLOUT) {
      if (!flush(c)) return drop(fd);
    }
    if ((events & (EPOLLIN | EPOLLRDHUP)) && !c.want_write) {
      char buf[65536];
      ssize_t n = read(fd, buf, sizeof buf);
      if (n == 0) return drop(fd);
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
        return drop(fd);
      }
      if (c.in.empty()) c.request_start = Clock::now();
      c.in.append(buf, static_cast<size_t>(n));
      c.last_activity = Clock::now();
    }
    if (!c.want_write && !process(c)) return drop(fd);
    if (!c.want_write && c.close_after && c.out_off >= c.out.size()) return drop(fd);
  }

  // Closes idle keep-alive connections and requests that take too long to arrive.
  void sweep() {
    auto now = Clock::now();
    std::vector<int> to_drop;
    for (auto& [fd, c] : conns_) {
      if (c->want_write) {
        if (now - c->last_activity > std::chrono::seconds(s_.options.idle_timeout_seconds)) to_drop.push_back(fd);
      } else if (!c->in.empty()) {
        if (now - c->request_start > std::chrono::seconds(s_.options.header_timeout_seconds)) {
          c->out += http::serialize_response(http::json_error(408, "request not received in time"), false, false);
          c->close_after = true;
          flush(*c);
          to_drop.push_back(fd);
        }
      } else if (now - c->last_activity > std::chrono::seconds(s_.options.idle_timeout_seconds)) {
        to_drop.push_back(fd);
      }
    }
    for (int fd : to_drop) drop(fd);
  }

 private:
  // Handles every complete request in c.in; false = close the connection.
  bool process(Conn& c) {
    while (!c.close_after && !c.in.empty()) {
      HttpRequest req;
      auto r = http::parse_request(c.in, s_.options.max_header_bytes, s_.options.max_body_bytes, &req);
      if (r.state == http::ParseState::kIncomplete) break;
      if (r.state == http::ParseState::kError) {
        c.out += http::serialize_response(http::json_error(r.error_status, r.error), false, false);
        c.close_after = true;
        c.in.clear();
        break;
      }
      c.in.erase(0, r.consumed);
      if (!c.in.empty()) c.request_start = Clock::now();
      req.client = c.client;
      bool head = req.method == "HEAD";
      HttpResponse resp = respond(req);
      c.out += http::serialize_response(resp, req.keep_alive, head);
      if (!req.keep_alive) c.close_after = true;
      // Pipelined requests wait until this response is written (bounds memory per connection).
      if (c.out.size() - c.out_off > (1u << 20)) break;
    }
    return flush(c);
  }

  HttpResponse respond(HttpRequest& req) {
    if (req.path.rfind("/api/", 0) == 0 && !s_.limiter.allow(req.client, Clock::now())) {
      auto r = http::json_error(429, "too many requests; slow down");
      r.headers.emplace_back("Retry-After", std::to_string(s_.limiter.retry_after_seconds()));
      return r;
    }
    try {
      return handler_(req);
    } catch (const std::exception& e) {
      // The reason goes to the log only: responses never carry internals.
      std::cerr << "veille serve: " << req.method << " " << req.path << ": internal error: " << e.what() << "\n";
      return http::json_error(500, "internal error");
    }
  }

  // Writes what it can; registers for EPOLLOUT when the socket is full. false = error.
  bool flush(Conn& c) {
    while (c.out_off < c.out.size()) {
      ssize_t n = send(c.fd, c.out.data() + c.out_off, c.out.size() - c.out_off, MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
          if (!c.want_write) set_events(c, EPOLLOUT | EPOLLRDHUP);
          c.want_write = true;
          return true;
        }
        return false;
      }
      c.out_off += static_cast<size_t>(n);
      c.last_activity = Clock::now();
    }
    c.out.clear();
    c.out_off = 0;
    if (c.want_write) {
      c.want_write = false;
      set_events(c, EPOLLIN | EPOLLRDHUP);
      // Requests that arrived while we were writing.
      if (!c.close_after && !c.in.empty()) return process(c);
    }
    return true;
  }

  void set_events(Conn& c, uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = static_cast<uint64_t>(c.fd);
    epoll_ctl(epfd_, EPOLL_CTL_MOD, c.fd, &ev);
  }

  void drop(int fd) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
    close(fd);
    conns_.erase(it);
    s_.connections.fetch_sub(1);
  }

  HttpServer::Impl& s_;
  HttpHandler handler_;
  int epfd_;
  std::unordered_map<int, std::unique_ptr<Conn>> conns_;
};

}  // namespace

void HttpServer::Impl::worker(size_t index, std::promise<Status> ready) {
  auto handler = factory();
  if (!handler.ok()) {
    ready.set_value(handler.status());
    return;
  }
  int epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) {
    ready.set_value(Status::Io(std::string("epoll_create1: ") + std::strerror(errno)));
    return;
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLEXCLUSIVE;
  ev.data.u64 = kListenTag;
  epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &ev);
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeTag;
  epoll_ctl(epfd, EPOLL_CTL_ADD, wake_fds[index], &ev);
  ready.set_value(Status::Ok());
  {
    Worker w(*this, std::move(handler.value()), epfd);
    epoll_event events[256];
    auto last_sweep = Clock::now();
    while (!stopping.load()) {
      int n = epoll_wait(epfd, events, 256, 1000);
      for (int i = 0; i < n; ++i) {
        uint64_t tag = events[i].data.u64;
        if (tag == kListenTag) w.on_listen();
        else if (tag == kWakeTag) continue;
        else w.on_event(static_cast<int>(tag), events[i].events);
      }
      auto now = Clock::now();
      if (now - last_sweep > std::chrono::seconds(1)) {
        w.sweep();
        last_sweep = now;
      }
    }
  }
  close(epfd);
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  stop();
  wait();
}

uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::stop() {
  impl_->stopping.store(true);
  for (int fd : impl_->wake_fds) {
    uint64_t one = 1;
    if (write(fd, &one, sizeof one) < 0) { /* the worker wakes within a second anyway */ }
  }
}

void HttpServer::wait() {
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
}

Result<std::unique_ptr<HttpServer>> HttpServer::start(const ServerOptions& options,
                                                      HttpHandlerFactory factory) {
  auto impl = std::make_unique<Impl>(options);
  impl->factory = std::move(factory);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* res = nullptr;
  std::string port = std::to_string(options.port);
  if (int rc = getaddrinfo(options.host.c_str(), port.c_str(), &hints, &res); rc != 0)
    return Status::InvalidArgument("--host " + options.host + ": " + gai_strerror(rc));
  std::string last_error = "no address";
  for (addrinfo* a = res; a; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1024) == 0) {
      impl->listen_fd = fd;
      break;
    }
    last_error = std::strerror(errno);
    close(fd);
  }
  freeaddrinfo(res);
  if (impl->listen_fd < 0)
    return Status::Io("cannot listen on " + options.host + ":" + port + ": " + last_error);
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  getsockname(impl->listen_fd, reinterpret_cast<sockaddr*>(&ss), &len);
  impl->port = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(ss).sin6_port
                                              : reinterpret_cast<sockaddr_in&>(ss).sin_port);

  unsigned n = options.threads;
  if (n == 0) n = std::max(2u, std::thread::hardware_concurrency());
  std::vector<std::future<Status>> ready;
  for (unsigned i = 0; i < n; ++i) {
    int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (efd < 0) return Status::Io(std::string("eventfd: ") + std::strerror(errno));
    impl->wake_fds.push_back(efd);
  }
  Impl* raw = impl.get();
  for (unsigned i = 0; i < n; ++i) {
    std::promise<Status> p;
    ready.push_back(p.get_future());
    impl->threads.emplace_back([raw, i, p = std::move(p)]() mutable { raw->worker(i, std::move(p)); });
  }
  std::unique_ptr<HttpServer> server(new HttpServer(std::move(impl)));
  Status first_error;
  for (auto& f : ready) {
    Status s = f.get();
    if (!s.ok() && first_error.ok()) first_error = s;
  }
  if (!first_error.ok()) {
    server->stop();
    server->wait();
    return first_error;
  }
  return server;
}

}  // namespace veille
