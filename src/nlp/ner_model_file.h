// The NER model file format, version 1. All integers little-endian.
//
//   magic            8 bytes "VEILLNER"
//   version          u32 (kNerModelVersion)
//   feature set      u32 (ner::kFeatureSetVersion)
//   num tags         u32, then each tag name as u32 length + bytes (must equal ner::tag_name)
//   hash bits        u32 (10..26)
//   scale            f32 (a weight is int16 * scale)
//   description      u32 length + UTF-8 bytes
//   transitions      (num tags + 1) * num tags i32, row = previous tag, last row = sentence start
//   max phrase len   u32
//   phrases          u32 count, then count * (u64 key, u16 value), keys strictly increasing
//   words            u32 count, then count * (u64 key, u16 value), keys strictly increasing
//   lowers           u32 count, then count * (u64 key, u16 value), keys strictly increasing
//   emission         u64 raw bytes (= 2^hash bits * num tags * 2), u64 compressed bytes, zlib data
//   self-tests       u32 count, each: u32 tokens, tokens as u32 length + bytes, one u8 tag each
//   checksum         u32 CRC-32 (zlib) of every byte before it
#pragma once

#include <string>
#include <string_view>

#include "nlp/ner_features.h"
#include "veille/status.h"

namespace veille::ner {

// REQUIRES: params well-formed (sizes as documented in ModelParams).
std::string serialize_model(const ModelParams& params);

// Parses and checks structure, versions and checksum (not the self-tests). `name` (a path) prefixes
// every error message.
Result<ModelParams> parse_model(std::string_view bytes, const std::string& name);

}  // namespace veille::ner
