using System.Runtime.InteropServices;
using SkiaSharp;

namespace Analytics.Reports.Fonts;

/// <summary>
/// The four faces cut down to the characters Vietnamese documents use (Latin with every
/// Vietnamese letter and tone mark, dashes and quotes, ₫, a few arrows, signs and shapes), made once
/// per process. SkiaSharp's PDF backend embeds each face it draws with whole (its subsetter is
/// not built in): Liberation Serif Regular is 393 KB, deflated into every PDF, about 30 ms of CPU
/// per face per document (a one-page commune brief: 3 faces, 635 KB, ~90 of its ~110 ms). The
/// glyphs, metrics and hinting of the kept characters are the font's own (HarfBuzz's hb-subset,
/// from the libHarfBuzzSharp that ScottPlot already ships), so the pages look the same; a
/// document using a character outside the set is drawn with the whole faces instead.
/// </summary>
public static class FontSubset
{
    /// <summary>Code point ranges kept (inclusive).</summary>
    public static readonly IReadOnlyList<(int First, int Last)> Ranges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x017F), // Latin-1 Supplement, Latin Extended-A (Ă Đ Ĩ Ũ …)
        (0x01A0, 0x01B0), // Ơ ơ Ư ư
        (0x0300, 0x0323), // combining tone marks (decomposed text)
        (0x1EA0, 0x1EF9), // precomposed Vietnamese letters with tones
        (0x2010, 0x203A), // dashes, quotes, bullets, ellipsis, per mille
        (0x20AB, 0x20AC), // ₫ €
        (0x2116, 0x2116), // №
        (0x2190, 0x2195), // arrows
        (0x2212, 0x2212), // minus sign
        (0x2260, 0x2265), // ≠ ≤ ≥
        (0x25A0, 0x25CF), // ■ □ ▲ ● and the like
    ];

    /// <summary>The set cut from <paramref name="full"/>'s files, or null when a face has no file or HarfBuzz cannot cut it.</summary>
    public static FontSet? Of(FontSet full)
    {
        if (full.Files.Any(f => f is null)) return null;
        try
        {
            var faces = full.Files.Select(f => Cut(f!)).ToList();
            if (faces.Any(f => f is null)) return null;
            return new FontSet(full.Family, faces[0]!, faces[1]!, faces[2]!, faces[3]!, full.Files) { Whole = full };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static SKTypeface? Cut(string file)
    {
        var blob = hb_blob_create_from_file(file);
        var face = hb_face_create(blob, 0);
        var input = hb_subset_input_create_or_fail();
        try
        {
            if (input == IntPtr.Zero) return null;
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in Ranges) hb_set_add_range(unicodes, (uint)first, (uint)last);
            var cut = hb_subset_or_fail(face, input);
            if (cut == IntPtr.Zero) return null;
            try
            {
                var cutBlob = hb_face_reference_blob(cut);
                try
                {
                    var data = hb_blob_get_data(cutBlob, out var length);
                    if (data == IntPtr.Zero || length == 0) return null;
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return SKTypeface.FromData(SKData.CreateCopy(bytes));
                }
                finally { hb_blob_destroy(cutBlob); }
            }
            finally { hb_face_destroy(cut); }
        }
        finally
        {
            if (input != IntPtr.Zero) hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    private const string HarfBuzz = "libHarfBuzzSharp";
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_create_from_file([MarshalAs(UnmanagedType.LPUTF8Str)] string fileName);
    [DllImport(HarfBuzz)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_set_add_range(IntPtr set, uint first, uint last);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
