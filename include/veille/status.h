// Status and Result: how veille's library reports failure. Library code never throws across its
// public boundary, never calls exit() and never prints.
//
// Two families of error are kept apart, as callers treat them differently:
//  - caller errors (kInvalidArgument, kNotFound): the request was wrong; fix the call.
//  - data errors (kCorrupt, kUnsupported, kTooLarge, kIo): this input is bad; report it, count it,
//    and go on with the rest of the batch.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace veille {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // caller error: bad option or argument
  kNotFound,         // caller error: a named file or object does not exist
  kIo,               // data error: reading failed (permissions, truncated stream)
  kCorrupt,          // data error: the bytes are not what their format says (bad gzip, bad WARC)
  kUnsupported,      // data error: a format or content type veille does not handle (binary, PDF)
  kTooLarge,         // data error: over a documented resource budget (bytes, depth)
  kInternal,         // a bug in veille
};

const char* status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Io(std::string m) { return {StatusCode::kIo, std::move(m)}; }
  static Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  bool is_caller_error() const {
    return code_ == StatusCode::kInvalidArgument || code_ == StatusCode::kNotFound;
  }
  bool is_data_error() const { return !ok() && !is_caller_error() && code_ != StatusCode::kInternal; }
  // "corrupt: truncated gzip member at byte 1234"
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-ok Status. REQUIRES: a Status given to the constructor is not ok.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace veille
