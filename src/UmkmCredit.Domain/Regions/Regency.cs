namespace UmkmCredit.Domain.Regions;

/// <summary>A kabupaten or kota of Provinsi Kalimantan Utara, identified by its Kemendagri code.</summary>
/// <param name="Code">The four-digit Kemendagri code, e.g. <c>6571</c>.</param>
/// <param name="Name">The official name, e.g. <c>Kota Tarakan</c>.</param>
/// <param name="Abbreviation">The three-letter abbreviation used in agreement numbers, e.g. <c>TRK</c>.</param>
public sealed record Regency(string Code, string Name, string Abbreviation);
