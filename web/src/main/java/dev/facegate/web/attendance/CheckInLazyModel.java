package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.CheckInQuery;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.domain.attendance.CheckIn;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The check-in log, newest first, one page at a time, under the page's filter form. */
public class CheckInLazyModel extends LazyDataModel<CheckIn> {

  private static final long serialVersionUID = 1L;

  private final CheckIns checkIns;
  private final SerializableSupplier query;

  /** The filter form's current query. */
  interface SerializableSupplier extends Supplier<CheckInQuery>, java.io.Serializable {}

  CheckInLazyModel(CheckIns checkIns, SerializableSupplier query) {
    this.checkIns = checkIns;
    this.query = query;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) checkIns.count(query.get());
  }

  @Override
  public List<CheckIn> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return checkIns.find(query.get(), first, pageSize);
  }

  @Override
  public String getRowKey(CheckIn checkIn) {
    return String.valueOf(checkIn.getId());
  }

  @Override
  public CheckIn getRowData(String rowKey) {
    return checkIns.get(Long.parseLong(rowKey));
  }
}
