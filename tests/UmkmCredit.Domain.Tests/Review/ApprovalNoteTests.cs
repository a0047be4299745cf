using UmkmCredit.Domain.Review;

namespace UmkmCredit.Domain.Tests.Review;

public sealed class ApprovalNoteTests
{
    [Fact]
    public void A_lower_amount_and_the_commitments_follow_the_reviewers_note() =>
        Assert.Equal(
            "Disetujui sebagian. Jumlah disetujui: Rp40.000.000,00. Pendampingan: Pelatihan pembukuan; Pendampingan pemasaran daring.",
            ApprovalNote.Compose(" Disetujui sebagian. ", 40_000_000, ["Pelatihan pembukuan", " Pendampingan pemasaran daring "]));

    [Fact]
    public void Without_an_amount_the_approval_is_for_the_amount_requested() =>
        Assert.Equal("Jumlah disetujui: sesuai jumlah yang diajukan.", ApprovalNote.Compose(null, null, null));

    [Fact]
    public void Blank_notes_and_blank_commitments_are_left_out() =>
        Assert.Equal("Jumlah disetujui: Rp5.000.000,00.", ApprovalNote.Compose("  ", 5_000_000, ["", "  "]));

    [Fact]
    public void A_commitment_that_ends_with_its_own_full_stop_is_not_given_a_second_one() =>
        Assert.Equal(
            "Jumlah disetujui: Rp10.000.000,00. Pendampingan: Ikut pelatihan pembukuan; Laporan bulanan.",
            ApprovalNote.Compose(null, 10_000_000, ["Ikut pelatihan pembukuan.", "Laporan bulanan;"]));
}
