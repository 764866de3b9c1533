package dev.facegate.web.attendance;

import dev.facegate.access.boundary.Devices;
import dev.facegate.attendance.boundary.CheckInQuery;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.people.boundary.Employees;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The check-in log: filter form and lazy table. HR and administrators read it alike. */
@Named
@ViewScoped
public class CheckInsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CheckIns checkIns;

  @Inject Devices devices;

  @Inject Employees employees;

  private CheckInLazyModel model;
  private List<Device> deviceList;
  private LocalDate from;
  private LocalDate to;
  private String employeeNumber;
  private Long deviceId;
  private Outcome outcome;
  private Method method;
  private Direction direction;

  /** The query the table pages through; changes only when the filters are applied. */
  private CheckInQuery applied = CheckInQuery.all();

  private final Map<Long, String> people = new HashMap<>();

  @PostConstruct
  void init() {
    deviceList = devices.list();
    model = new CheckInLazyModel(checkIns, () -> applied);
  }

  public void apply() {
    Optional<Long> person = Optional.empty();
    if (employeeNumber != null && !employeeNumber.isBlank()) {
      Optional<Employee> employee = employees.findByNumber(employeeNumber.strip());
      if (employee.isEmpty()) {
        Messages.error("No employee has the number " + employeeNumber.strip() + ".");
        return;
      }
      person = Optional.of(employee.get().getId());
    }
    if (from != null && to != null && to.isBefore(from)) {
      Messages.error("The end date is before the start date.");
      return;
    }
    ZoneId zone = ZoneId.systemDefault();
    applied =
        new CheckInQuery(
            Optional.ofNullable(from).map(d -> d.atStartOfDay(zone).toInstant()),
            Optional.ofNullable(to).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
            person,
            Optional.ofNullable(deviceId),
            Optional.ofNullable(outcome),
            Optional.ofNullable(method),
            Optional.ofNullable(direction));
  }

  public void reset() {
    from = null;
    to = null;
    employeeNumber = null;
    deviceId = null;
    outcome = null;
    method = null;
    direction = null;
    applied = CheckInQuery.all();
  }

  /** The person of a check-in as "Name (number)", or a dash for none or an erased person. */
  public String person(CheckIn checkIn) {
    Long id = checkIn.getEmployeeId();
    if (id == null) {
      return "—";
    }
    return people.computeIfAbsent(
        id,
        key ->
            employees
                .findById(key)
                .map(e -> e.getFullName() + " (" + e.getEmployeeNumber() + ")")
                .orElse("erased employee"));
  }

  public String device(CheckIn checkIn) {
    return deviceList.stream()
        .filter(d -> d.getId() == checkIn.getDeviceId())
        .map(Device::getName)
        .findFirst()
        .orElse("device " + checkIn.getDeviceId());
  }

  public CheckInLazyModel getModel() {
    return model;
  }

  public List<Device> getDevices() {
    return deviceList;
  }

  public Outcome[] getOutcomes() {
    return Outcome.values();
  }

  public Method[] getMethods() {
    return Method.values();
  }

  public Direction[] getDirections() {
    return Direction.values();
  }

  public Method getMethod() {
    return method;
  }

  public void setMethod(Method method) {
    this.method = method;
  }

  public Direction getDirection() {
    return direction;
  }

  public void setDirection(Direction direction) {
    this.direction = direction;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getEmployeeNumber() {
    return employeeNumber;
  }

  public void setEmployeeNumber(String employeeNumber) {
    this.employeeNumber = employeeNumber;
  }

  public Long getDeviceId() {
    return deviceId;
  }

  public void setDeviceId(Long deviceId) {
    this.deviceId = deviceId;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public void setOutcome(Outcome outcome) {
    this.outcome = outcome;
  }
}
