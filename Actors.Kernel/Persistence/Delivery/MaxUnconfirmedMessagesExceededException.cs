namespace Actors.Kernel.Persistence.Delivery;

/// <summary><c>Deliver</c> was called with <c>max-unconfirmed-messages</c> messages already unconfirmed.</summary>
public sealed class MaxUnconfirmedMessagesExceededException : Exception
{
    public MaxUnconfirmedMessagesExceededException()
    {
    }

    public MaxUnconfirmedMessagesExceededException(string message)
        : base(message)
    {
    }

    public MaxUnconfirmedMessagesExceededException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
