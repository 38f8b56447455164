using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

public class WellFormedTextTests
{
    [Theory]
    [InlineData("审核", true)]
    [InlineData("emoji 😀 ok", true)]
    [InlineData("", true)]
    [InlineData("\ud800", false)]
    [InlineData("x\udc00y", false)]
    [InlineData("end\ud83d", false)]
    public void Lone_surrogates_are_not_text(string text, bool expected) => Assert.Equal(expected, WellFormedText.Is(text));
}
