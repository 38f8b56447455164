using System.Text;

namespace Approval.Workflow.Import;

/// <summary>
/// Figures typed with a Chinese input method: "１，００２．２５％" is 1,002.25%. Full-width digits always become
/// ASCII; the full-width point, comma, minus and per cent sign only where they belong to a figure, so the text's own
/// Chinese punctuation (，：（）) stays as written.
/// </summary>
public static class FullWidthFigures
{
    public static string Normalize(string text)
    {
        text = LookAlikes(text);
        if (!text.AsSpan().ContainsAnyInRange('\uFF05', '\uFF19')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                '％' when i > 0 && IsDigit(text[i - 1]) => '%',
                '．' when i > 0 && IsDigit(text[i - 1]) && Next(text, i, 1) => '.',
                '－' when Next(text, i, 1) => '-',
                '，' when i > 0 && IsDigit(text[i - 1]) && Next(text, i, 3) && !Next(text, i + 3, 1) => ',',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// Signs a target is written with in other fonts and input methods: the small-form ﹦ (U+FE66) and full-width ＝ become =,
    /// ≧ and ≦ become ≥ and ≤ (％ after a digit becomes % below; TargetParser takes ％ anywhere in a target).
    /// </summary>
    public static string LookAlikes(string text) =>
        text.AsSpan().IndexOfAny("\uFE66\uFF1D\u2267\u2266") < 0 ? text
            : text.Replace('\uFE66', '=').Replace('\uFF1D', '=').Replace('\u2267', '≥').Replace('\u2266', '≤');

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>Whether the <paramref name="count"/> characters after <paramref name="at"/> are all digits.</summary>
    private static bool Next(string text, int at, int count)
    {
        if (at + count >= text.Length) return false;
        for (var k = 1; k <= count; k++)
            if (!IsDigit(text[at + k])) return false;
        return true;
    }
}
