// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <cmath>

namespace VisitMap {

// xoshiro256** seeded through splitmix64: fast, and the same stream for the same seed on every
// platform (std::mt19937 is too, but its distributions are not, so we draw our own).
class Random
{
public:
    explicit Random(std::uint64_t seed = 0x5eed) { reseed(seed); }

    void reseed(std::uint64_t seed)
    {
        std::uint64_t x = seed;
        for (auto &s : m_s)
            s = splitmix(x);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n).
    std::uint32_t below(std::uint32_t n)
    {
        return n == 0 ? 0 : std::uint32_t((std::uint64_t(std::uint32_t(next() >> 32)) * n) >> 32);
    }
    int between(int lo, int hiInclusive) { return lo + int(below(std::uint32_t(hiInclusive - lo + 1))); }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Box-Muller; one value per call keeps the stream simple).
    double normal()
    {
        double u1 = uniform();
        if (u1 < 1e-300)
            u1 = 1e-300;
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Index drawn with the given weights (sum > 0).
    template<typename Container>
    std::size_t weighted(const Container &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        std::size_t i = 0;
        for (double w : weights) {
            if (r < w)
                return i;
            r -= w;
            ++i;
        }
        return i == 0 ? 0 : i - 1;
    }

    // A child stream, independent of this one, for work split into chunks.
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t stream)
    {
        std::uint64_t x = seed ^ (stream * 0x9E3779B97F4A7C15ull);
        return splitmix(x);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t &x)
    {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t m_s[4];
};

} // namespace VisitMap
