import type { CodeTable } from './code-mapping.ts';

/**
 * Kuaidi100 (快递100): main `state` codes 0–14 and the finer `resultv2` sub-states
 * (standards-china.md §2.1). Both arrive in the same raw-code field; they never collide.
 *
 * Deviation from the §2.3 sketch: 2 疑难 maps to `exception`, not `attempt_failed`, because
 * Kuaidi100 uses it for any problem parcel and counting it as an attempt would inflate attempts.
 */
export const kuaidi100Codes: CodeTable = {
  '0': { meaning: '在途', status: 'in_transit' },
  '1': { meaning: '揽收', status: 'collected' },
  '2': { meaning: '疑难', status: 'exception' },
  '3': { meaning: '签收', status: 'delivered' },
  '4': { meaning: '退签', status: 'returned' },
  '5': { meaning: '派件', status: 'out_for_delivery', subStatus: 'with_courier' },
  '6': { meaning: '退回', status: 'returning' },
  '7': { meaning: '转投', status: 'in_transit', subStatus: 'forwarded' },
  '8': { meaning: '清关', status: 'in_transit', subStatus: 'customs_in_progress' },
  '10': { meaning: '待清关', status: 'in_transit', subStatus: 'customs_pending' },
  '11': { meaning: '清关中', status: 'in_transit', subStatus: 'customs_in_progress' },
  '12': { meaning: '已清关', status: 'in_transit', subStatus: 'customs_cleared' },
  '13': { meaning: '清关异常', status: 'exception', subStatus: 'customs_held', incidentReason: 'customs_held' },
  '14': { meaning: '拒签', status: 'exception', subStatus: 'refused', incidentReason: 'recipient_refused' },
  '101': { meaning: '已下单', status: 'created', subStatus: 'order_placed' },
  '102': { meaning: '待揽收', status: 'created', subStatus: 'awaiting_collection' },
  '103': { meaning: '已揽收', status: 'collected' },
  '1001': { meaning: '到达派件城市', status: 'in_transit', subStatus: 'arrived_destination_city' },
  '1002': { meaning: '干线', status: 'in_transit', subStatus: 'line_haul' },
  '1003': { meaning: '转递', status: 'in_transit', subStatus: 'forwarded' },
  '501': { meaning: '投柜或驿站', status: 'available_for_pickup', subStatus: 'in_locker_or_station' },
  '301': { meaning: '本人签收', status: 'delivered', subStatus: 'signed' },
  '302': { meaning: '派件异常后签收', status: 'delivered', subStatus: 'signed_after_exception' },
  '303': { meaning: '代签', status: 'delivered', subStatus: 'signed_by_proxy' },
  '304': { meaning: '投柜或站签收', status: 'delivered', subStatus: 'picked_up_locker_or_station' },
  '401': { meaning: '已销单', status: 'cancelled' },
};
