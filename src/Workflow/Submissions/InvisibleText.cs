namespace Approval.Workflow.Submissions;

/// <summary>
/// Characters that change how a name reads without being seen: bidirectional overrides and isolates (U+202A–202E,
/// U+2066–2069, U+200E/200F), zero-width ones (U+200B–200D, U+2060–2064, U+FEFF), the soft hyphen and the Mongolian
/// vowel separator. In a title or a name they serve only to make two different things look the same.
/// </summary>
public static class InvisibleText
{
    public static bool Contains(string? text) => text is not null && text.Any(IsInvisible);

    public static bool IsInvisible(char c) => c is
        (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or
        (>= '\u2066' and <= '\u2069') or '\uFEFF' or '\u00AD' or '\u180E';
}

/// <summary>Text that is text: no lone UTF-16 surrogate (half of a character, which cannot be stored or encoded).</summary>
public static class WellFormedText
{
    public static bool Is(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
