// SPDX-License-Identifier: GPL-3.0-or-later
#include "koreannames.h"

#include "util/random.h"

#include <array>

namespace VisitMap::Demo {

namespace {

struct Weighted
{
    const char *text;
    double weight;
};

// Shares from the 2015 census (통계청 인구주택총조사 성씨 통계), rounded; the tail is folded.
constexpr std::array<Weighted, 30> kSurnames{{
    {"김", 21.5}, {"이", 14.7}, {"박", 8.4}, {"최", 4.7}, {"정", 4.3}, {"강", 2.3},
    {"조", 2.1},  {"윤", 2.1},  {"장", 2.0}, {"임", 1.7}, {"한", 1.5}, {"오", 1.5},
    {"서", 1.5},  {"신", 1.4},  {"권", 1.4}, {"황", 1.4}, {"안", 1.3}, {"송", 1.3},
    {"전", 1.1},  {"홍", 1.1},  {"유", 1.1}, {"고", 0.9}, {"문", 0.9}, {"양", 0.9},
    {"손", 0.9},  {"배", 0.8},  {"백", 0.7}, {"허", 0.6}, {"노", 0.6}, {"남", 0.5},
}};

using Names = std::array<const char *, 12>;

// Popular given names by decade of birth and sex.
struct Era
{
    int fromYear;
    Names male;
    Names female;
};

constexpr std::array<Era, 7> kEras{{
    {1900,
     {"영수", "영철", "종수", "상철", "정수", "만수", "병철", "용수", "춘식", "재성", "광수", "상훈"},
     {"순자", "영자", "정숙", "말순", "옥순", "영숙", "순이", "복순", "정자", "춘자", "명자", "숙자"}},
    {1950,
     {"영호", "성수", "영식", "정호", "상호", "영길", "동수", "창호", "진호", "만석", "재호", "문수"},
     {"영희", "명숙", "경자", "미자", "정희", "순옥", "영순", "옥자", "경숙", "정순", "화자", "점순"}},
    {1960,
     {"성호", "정훈", "영진", "상철", "성진", "준호", "재훈", "병호", "동현", "태호", "승호", "석진"},
     {"미경", "경희", "은숙", "미숙", "혜숙", "정미", "현숙", "경미", "선희", "미영", "순희", "은희"}},
    {1970,
     {"정훈", "성훈", "상훈", "재현", "지훈", "성민", "준영", "민수", "동훈", "성진", "현철", "진우"},
     {"은정", "미영", "지영", "선영", "은영", "현정", "미정", "혜진", "수진", "지현", "정은", "경아"}},
    {1980,
     {"지훈", "성민", "현우", "준호", "민수", "동현", "성현", "준혁", "승현", "재훈", "상현", "민석"},
     {"지영", "지은", "수진", "혜진", "은지", "민정", "지혜", "수정", "은영", "현주", "유진", "소영"}},
    {1995,
     {"민준", "현우", "지훈", "동현", "준혁", "도현", "건우", "승민", "민재", "지호", "우진", "성민"},
     {"유진", "민지", "수빈", "지원", "서연", "지민", "예진", "수민", "지은", "하은", "민서", "채원"}},
    {2010,
     {"민준", "서준", "도윤", "예준", "시우", "하준", "주원", "지호", "지후", "준우", "은우", "이안"},
     {"서연", "서윤", "지우", "서현", "하은", "하윤", "민서", "지유", "윤서", "채원", "지아", "수아"}},
}};

constexpr std::array<const char *, 10> kVietnamese{
    {"응우옌 티 란", "쩐 티 흐엉", "레 티 마이", "팜 티 투", "부 티 항", "응우옌 티 후에",
     "호 티 리엔", "당 티 응아", "응우옌 반 남", "쩐 반 훙"}};
constexpr std::array<const char *, 8> kChinese{
    {"왕리", "리나", "장메이", "류팡", "천징", "양란", "자오밍", "쑨웨이"}};
constexpr std::array<const char *, 6> kFilipino{
    {"마리아 산토스", "로즈 레예스", "제니 크루즈", "애나 가르시아", "조이 멘도사", "마크 바우티스타"}};

} // namespace

QString KoreanNames::surname(Random &random)
{
    std::array<double, kSurnames.size()> w{};
    for (size_t i = 0; i < kSurnames.size(); ++i)
        w[i] = kSurnames[i].weight;
    return QString::fromUtf8(kSurnames[random.weighted(w)].text);
}

QString KoreanNames::given(Random &random, bool male, int birthYear)
{
    const Era *era = &kEras.front();
    for (const Era &e : kEras) {
        if (birthYear >= e.fromYear)
            era = &e;
    }
    const Names &names = male ? era->male : era->female;
    return QString::fromUtf8(names[random.below(uint32_t(names.size()))]);
}

QString KoreanNames::full(Random &random, bool male, int birthYear)
{
    return surname(random) + given(random, male, birthYear);
}

QString KoreanNames::foreign(Random &random, bool male, QString *nationality)
{
    const double r = random.uniform();
    if (r < 0.55) {
        if (nationality)
            *nationality = QStringLiteral("VN");
        return QString::fromUtf8(kVietnamese[male ? 8 + random.below(2) : random.below(8)]);
    }
    if (r < 0.85) {
        if (nationality)
            *nationality = QStringLiteral("CN");
        return QString::fromUtf8(kChinese[random.below(uint32_t(kChinese.size()))]);
    }
    if (nationality)
        *nationality = QStringLiteral("PH");
    return QString::fromUtf8(kFilipino[random.below(uint32_t(kFilipino.size()))]);
}

} // namespace VisitMap::Demo
