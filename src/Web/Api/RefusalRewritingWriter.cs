using System.Buffers;
using System.IO.Pipelines;

namespace Approval.Web;

/// <summary>
/// The connection's output as Kestrel writes it, passed through untouched except for Kestrel's own refusals, which it
/// rewrites into problems (<see cref="RefusalHead"/>). Kestrel flushes at the end of every response, so an answer starts
/// with the first bytes written after a flush. Only while those bytes could still be a refusal (a short 4xx/5xx head
/// with nothing but Content-Length: 0, Connection: close and Date) are they held back; anything else goes straight to
/// the transport without a copy.
/// </summary>
public sealed class RefusalRewritingWriter(PipeWriter inner) : PipeWriter
{
    private enum State { AnswerStart, Holding, PassThrough }

    private State _state = State.AnswerStart;
    private Memory<byte> _lent;
    private byte[] _held = [];
    private int _heldLength;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        if (_state == State.PassThrough || bytes == 0)
        {
            inner.Advance(bytes);
            return;
        }
        var written = _lent.Span[..bytes];
        if (_state == State.AnswerStart)
        {
            if (RefusalHead.Classify(written) == RefusalHead.Shape.Not)
            {
                _state = State.PassThrough;
                inner.Advance(bytes);
                return;
            }
            _state = State.Holding;
        }
        Hold(written);
        if (RefusalHead.Classify(_held.AsSpan(0, _heldLength)) == RefusalHead.Shape.Not)
        {
            Release(rewrite: false);
            _state = State.PassThrough;
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        EndAnswerSegment();
        return inner.FlushAsync(cancellationToken);
    }

    public override void Complete(Exception? exception = null)
    {
        EndAnswerSegment();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        EndAnswerSegment();
        return inner.CompleteAsync(exception);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + _heldLength;

    private void EndAnswerSegment()
    {
        if (_state == State.Holding) Release(rewrite: RefusalHead.Classify(_held.AsSpan(0, _heldLength)) == RefusalHead.Shape.Complete);
        _state = State.AnswerStart;
    }

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        if (_heldLength + bytes.Length > _held.Length) Array.Resize(ref _held, Math.Max(_heldLength + bytes.Length, 2 * RefusalHead.MaxLength));
        bytes.CopyTo(_held.AsSpan(_heldLength));
        _heldLength += bytes.Length;
    }

    private void Release(bool rewrite)
    {
        var held = _held.AsSpan(0, _heldLength);
        if (rewrite) RefusalHead.WriteProblem(held, inner);
        else inner.Write(held);
        _heldLength = 0;
    }
}
