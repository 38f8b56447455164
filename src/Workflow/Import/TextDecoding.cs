using System.Text;

namespace Approval.Workflow.Import;

/// <summary>
/// Text as Chinese Windows saves it: UTF-8 with or without BOM, UTF-16 (Notepad's "Unicode", with or without BOM) and
/// GB18030/GBK (Excel's and Notepad's "ANSI" on a Chinese system). Anything else is refused, never guessed.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Strict(new UTF8Encoding(false, true), span[3..], "UTF-8");
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(new UnicodeEncoding(false, false, true), span[2..], "UTF-16");
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(new UnicodeEncoding(true, false, true), span[2..], "UTF-16");
        if (Utf16WithoutMark(span) is { } bigEndian && Utf16Text(span, bigEndian) is { } utf16) return utf16;
        if (span[..Math.Min(span.Length, 8192)].IndexOf((byte)0) >= 0) throw NotText();
        try { return new UTF8Encoding(false, true).GetString(span); }
        catch (DecoderFallbackException) { }
        try { return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(span); }
        catch (DecoderFallbackException) { throw new UnreadableInputException("无法识别文件的文字编码（支持 UTF-8、UTF-16 和 GB18030/GBK）"); }
    }

    private static UnreadableInputException NotText() => new("文件不是文本（含有二进制内容）；表格请使用 .xlsx 模板导入");

    /// <summary>The bytes as UTF-16 when they decode to text (no NUL or other control characters); null otherwise.</summary>
    private static string? Utf16Text(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        try
        {
            var text = new UnicodeEncoding(bigEndian, false, true).GetString(bytes);
            return text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) ? null : text;
        }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try { return encoding.GetString(bytes); }
        catch (DecoderFallbackException) { throw new UnreadableInputException($"文件标明为 {name} 编码，但内容不是有效的 {name} 文本"); }
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: tables are full of tabs and digits, each with a zero byte on the same side.
    /// True for big-endian, false for little-endian, null when the bytes are not UTF-16.
    /// </summary>
    private static bool? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (sample.Length < 16) return null;
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
            if (sample[i] == 0) { if (i % 2 == 0) even++; else odd++; }
        // Text in UTF-8 or GB18030 has no zero bytes at all; in UTF-16 every ASCII character (tab, line break, digit)
        // has one on its high side, and only the odd CJK character (一 is U+4E00) on the other.
        var pairs = sample.Length / 2;
        if (odd > pairs / 100 && odd >= 4 * even) return false;
        if (even > pairs / 100 && even >= 4 * odd) return true;
        return null;
    }
}
