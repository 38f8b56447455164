using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

public class WellFormedTextTests
{
    // Plain asserts, not theory data: xunit's serialized theory arguments do not carry a lone surrogate intact.
    [Fact]
    public void Lone_surrogates_are_not_text()
    {
        Assert.True(WellFormedText.Is("审核"));
        Assert.True(WellFormedText.Is("emoji \ud83d\ude00 ok"));
        Assert.True(WellFormedText.Is(""));
        Assert.False(WellFormedText.Is(new string('\ud800', 1)));
        Assert.False(WellFormedText.Is("x" + '\udc00' + "y"));
        Assert.False(WellFormedText.Is("end" + '\ud83d'));
        Assert.False(WellFormedText.Is("\ude00\ud83d")); // the halves in the wrong order
    }
}
