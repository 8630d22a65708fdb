// bytes.h — little binary codecs shared by the atlas writer (tools/atlas) and reader (atlas.cpp):
// LEB128 varints, zigzag for signed deltas, length-prefixed strings, and a bounds-checked reader.
//
//   ByteWriter w;  w.varint(300);  w.zigzag(-2);  w.str("Niort");
//   ByteReader r(w.bytes.data(), w.bytes.size());
//   uint64_t n;  int64_t d;  std::string s;
//   if (!r.varint(n) || !r.zigzag(d) || !r.str(s)) report(r.offset());   // never reads past the end
//
// The reader never throws and never reads out of bounds: every call returns false once the data
// is short or malformed, and stays failed (so a chain of reads is checked once at the end).
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint8_t, uint32_t, uint64_t, int64_t
#include <string>   // std::string
#include <vector>   // std::vector

namespace px {

struct ByteWriter {
    std::vector<uint8_t> bytes;

    void u8(uint8_t v) { bytes.push_back(v); }
    void u32le(uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
    void varint(uint64_t v) {
        while (v >= 0x80) {
            bytes.push_back(static_cast<uint8_t>(v | 0x80));
            v >>= 7;
        }
        bytes.push_back(static_cast<uint8_t>(v));
    }
    void zigzag(int64_t v) {
        varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
    }
    void raw(const void* data, size_t n) {
        const auto* p = static_cast<const uint8_t*>(data);
        bytes.insert(bytes.end(), p, p + n);
    }
    void str(const std::string& s) {
        varint(s.size());
        raw(s.data(), s.size());
    }
};

class ByteReader {
public:
    ByteReader(const uint8_t* data, size_t size, size_t base_offset = 0)
        : p_(data), size_(size), base_(base_offset) {}

    bool ok() const { return ok_; }
    size_t offset() const { return base_ + pos_; }  // absolute, for error messages
    size_t remaining() const { return ok_ ? size_ - pos_ : 0; }

    bool u8(uint8_t& v) {
        if (!need(1)) return false;
        v = p_[pos_++];
        return true;
    }
    bool u32le(uint32_t& v) {
        if (!need(4)) return false;
        v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p_[pos_ + static_cast<size_t>(i)]) << (8 * i);
        pos_ += 4;
        return true;
    }
    bool varint(uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t b = 0;
            if (!u8(b)) return false;
            if (shift == 63 && b > 1) return fail();  // more than 64 bits
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return fail();
    }
    // A varint that must be <= max (counts, indices): refuses absurd values before allocating.
    bool varint_max(uint64_t max, uint64_t& v) { return varint(v) && (v <= max || fail()); }
    bool zigzag(int64_t& v) {
        uint64_t u = 0;
        if (!varint(u)) return false;
        v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
        return true;
    }
    bool bytes(size_t n, const uint8_t*& out) {
        if (!need(n)) return false;
        out = p_ + pos_;
        pos_ += n;
        return true;
    }
    bool str(std::string& s) {
        uint64_t n = 0;
        const uint8_t* b = nullptr;
        if (!varint_max(remaining(), n) || !bytes(static_cast<size_t>(n), b)) return false;
        s.assign(reinterpret_cast<const char*>(b), static_cast<size_t>(n));
        return true;
    }
    bool fail() {
        ok_ = false;
        return false;
    }

private:
    bool need(size_t n) {
        if (!ok_ || n > size_ - pos_) return fail();
        return true;
    }
    const uint8_t* p_;
    size_t size_;
    size_t base_;
    size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace px
