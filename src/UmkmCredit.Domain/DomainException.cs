namespace UmkmCredit.Domain;

/// <summary>Base type for exceptions that signal a broken domain rule (as opposed to a programming error).</summary>
public abstract class DomainException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    protected DomainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    protected DomainException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
