package org.nrm.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database being away (stopped, restarting, unreachable, out of
 * connections) rather than a fault of the request or of the product: then nothing was stored,
 * and the caller is told to try again later (503) instead of being shown an error (500).
 */
public final class DatabaseOutage {

  public static final String MESSAGE = "La base de datos del mecanismo no responde en este momento y la solicitud no pudo"
      + " completarse. Vuelva a intentarlo en unos minutos.";

  /** HikariCP's exception, without a SQL state, for a connection it closed because the database dropped it. */
  private static final String CLOSED_BY_POOL = "Connection is closed";

  private DatabaseOutage() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && (sql.getSQLState() != null && isOutageState(sql.getSQLState())
          || sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  /** SQL states of a lost or refused connection (08…) and of a server shutting down or starting (57P01-57P03). */
  private static boolean isOutageState(String state) {
    return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
  }
}
