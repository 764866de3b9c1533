package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns an employee's passages into stays. Pure; one algorithm.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Door passages carry no direction; doors count as presence. With no stay around, a door
 *       passage is an arrival; the last door passage within {@code longestStay} of that arrival is
 *       the departure; passages in between are ignored (going through the door for lunch is not
 *       leaving work). A door passage during, or within {@code longestStay} of the arrival of, a
 *       kiosk stay belongs to that stay and is ignored: kiosk directions are explicit and win.
 *   <li>An IN while a stay is open and younger than {@code longestStay} is a double IN and is
 *       ignored: the earlier arrival counts. An older open stay stays open for good (it becomes
 *       INCOMPLETE) and the IN starts a new stay.
 *   <li>An OUT closes the open stay if that stay is younger than {@code longestStay}. An OUT with
 *       no open stay moves the departure of the last closed stay later when that stay began less
 *       than {@code longestStay} before (a double OUT: the last one counts); otherwise it is
 *       ignored.
 * </ol>
 *
 * <p>Invariants of the result: stays are ordered by arrival, do not overlap, every closed stay is
 * at most {@code longestStay} long. Stays cross midnight freely, which is what overnight shifts
 * need; the caller attributes a stay to the local date of its arrival.
 */
public final class Pairing {

  private Pairing() {}

  /**
   * @param passages one employee's accepted passages, in any order
   * @param longestStay the longest a stay may last (e.g. 16 h)
   * @return the stays, ordered by arrival
   */
  public static List<Stay> stays(List<Passage> passages, Duration longestStay) {
    requireNonNull(passages, "passages are required");
    requireNonNull(longestStay, "longest stay is required");
    List<Passage> ordered =
        passages.stream()
            .sorted(
                Comparator.comparing(Passage::at)
                    // equal times: IN before OUT before door, so results never depend on input
                    // order
                    .thenComparing(p -> p.direction() == null ? 2 : p.direction().ordinal()))
            .toList();
    List<Stay> stays = new ArrayList<>();
    Stay open = null;
    boolean openByDoor = false;
    boolean lastByDoor = false;
    for (Passage p : ordered) {
      Stay last = stays.isEmpty() ? null : stays.get(stays.size() - 1);
      if (p.direction() == null) {
        if (open != null && within(open, p, longestStay)) {
          if (openByDoor) {
            stays.add(new Stay(open.in(), p.at()));
            open = null;
            lastByDoor = true;
          } // else a door passage during a kiosk stay: ignored
        } else if (open != null) {
          stays.add(open); // never closed
          open = new Stay(p.at(), null);
          openByDoor = true;
        } else if (last != null && !last.open() && within(last, p, longestStay)) {
          if (lastByDoor) {
            stays.set(stays.size() - 1, new Stay(last.in(), p.at())); // a later passage of the run
          } // else a door passage right after a kiosk stay: ignored
        } else {
          open = new Stay(p.at(), null);
          openByDoor = true;
        }
      } else if (p.direction() == Direction.IN) {
        if (open != null && within(open, p, longestStay)) {
          openByDoor = false; // double IN: the earlier arrival counts; the kiosk now owns the stay
          continue;
        }
        if (open != null) {
          stays.add(open); // never closed
        }
        open = new Stay(p.at(), null);
        openByDoor = false;
      } else {
        if (open != null && within(open, p, longestStay)) {
          stays.add(new Stay(open.in(), p.at()));
          open = null;
          lastByDoor = false;
        } else if (open != null) {
          stays.add(open); // never closed; this OUT has nothing to close
          open = null;
          lastByDoor = false;
        } else if (last != null && !last.open() && within(last, p, longestStay)) {
          stays.set(stays.size() - 1, new Stay(last.in(), p.at())); // double OUT: the last counts
          lastByDoor = false;
        } // else an OUT without an arrival: ignored
      }
    }
    if (open != null) {
      stays.add(open);
    }
    return List.copyOf(stays);
  }

  private static boolean within(Stay stay, Passage p, Duration longestStay) {
    return Duration.between(stay.in(), p.at()).compareTo(longestStay) <= 0;
  }
}
