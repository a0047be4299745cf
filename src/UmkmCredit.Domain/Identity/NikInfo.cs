namespace UmkmCredit.Domain.Identity;

/// <summary>The parts of a parsed NIK (Nomor Induk Kependudukan).</summary>
/// <param name="ProvinceCode">Two-digit province of first registration, e.g. <c>65</c>.</param>
/// <param name="RegencyCode">Four-digit kabupaten/kota code, e.g. <c>6571</c>.</param>
/// <param name="DistrictCode">Six-digit kecamatan code, e.g. <c>657101</c>.</param>
/// <param name="BirthDate">The birth date encoded in the NIK; the century is inferred (see <see cref="Nik"/>).</param>
/// <param name="Gender"><c>L</c> (laki-laki) or <c>P</c> (perempuan, day + 40).</param>
/// <param name="Serial">The four-digit serial, never <c>0000</c>.</param>
public sealed record NikInfo(
    string ProvinceCode,
    string RegencyCode,
    string DistrictCode,
    DateOnly BirthDate,
    string Gender,
    string Serial)
{
    /// <summary>The DDMMYY date part as written in the NIK, with women's day already reduced by 40.</summary>
    public (int Day, int Month, int TwoDigitYear) DateParts => (BirthDate.Day, BirthDate.Month, BirthDate.Year % 100);
}
