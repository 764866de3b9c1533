package dev.facegate.web.people;

import dev.facegate.domain.people.Employee;
import dev.facegate.domain.people.EmploymentStatus;
import dev.facegate.people.boundary.EmployeeQuery;
import dev.facegate.people.boundary.EmployeeQuery.SortField;
import dev.facegate.people.boundary.Employees;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The employee table, one page at a time from the register's paged query. */
public class EmployeeLazyModel extends LazyDataModel<Employee> {

  private static final long serialVersionUID = 1L;

  private static final Map<String, SortField> SORTABLE =
      Map.of(
          "employeeNumber", SortField.EMPLOYEE_NUMBER,
          "fullName", SortField.FULL_NAME,
          "department", SortField.DEPARTMENT,
          "status", SortField.STATUS);

  private final Employees employees;

  EmployeeLazyModel(Employees employees) {
    this.employees = employees;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) employees.count(query(Map.of(), filterBy));
  }

  @Override
  public List<Employee> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return employees.find(query(sortBy, filterBy), first, pageSize);
  }

  @Override
  public String getRowKey(Employee employee) {
    return String.valueOf(employee.getId());
  }

  @Override
  public Employee getRowData(String rowKey) {
    return employees.findById(Long.parseLong(rowKey)).orElse(null);
  }

  private static EmployeeQuery query(
      Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Optional<String> text = value(filterBy, FilterMeta.GLOBAL_FILTER_KEY);
    Optional<EmploymentStatus> status =
        value(filterBy, "status").filter(s -> !s.isBlank()).map(EmploymentStatus::valueOf);
    Optional<SortMeta> sort = sortBy.values().stream().findFirst();
    SortField field = sort.map(s -> SORTABLE.get(s.getField())).orElse(SortField.FULL_NAME);
    boolean ascending = sort.map(s -> s.getOrder() != SortOrder.DESCENDING).orElse(true);
    return new EmployeeQuery(text, status, field, ascending);
  }

  private static Optional<String> value(Map<String, FilterMeta> filterBy, String key) {
    return Optional.ofNullable(filterBy.get(key))
        .map(FilterMeta::getFilterValue)
        .map(Object::toString);
  }
}
